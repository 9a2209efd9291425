/** Package names (apt, apk, rpm, zypper) of compilers, build systems and headers: needed to build, not to run. */
const TOOLS = new Set([
  "build-essential", "build-base", "gcc", "g++", "gcc-c++", "cpp", "clang", "llvm", "make", "cmake", "ninja-build", "ninja",
  "autoconf", "automake", "libtool", "pkg-config", "pkgconf", "pkgconfig", "git", "cargo", "rustc", "golang", "golang-go", "go",
  "gfortran", "nasm", "yasm", "bison", "flex", "m4", "musl-dev", "linux-headers", "kernel-headers", "kernel-devel", "dpkg-dev",
]);

/** Package name without a version or release suffix: `gcc=4:12.2.0-3` → `gcc`, `git~2.45` → `git`. */
export function packageName(word: string): string {
  return word.replace(/[=~<>].*$/, "").replace(/:[a-z0-9]+$/, "");
}

/** True for a build tool or a development-headers package (`*-dev`, `*-devel`). */
export function isBuildTool(pkg: string): boolean {
  const name = packageName(pkg).toLowerCase();
  if (TOOLS.has(name)) return true;
  if (/^(gcc|g\+\+|clang|llvm|cpp)-\d+(\.\d+)*$/.test(name)) return true;
  return /^[a-z0-9][a-z0-9.+_-]*-(dev|devel)$/.test(name);
}

/** Official images that are compiler toolchains or SDKs rather than runtimes. */
const TOOLCHAIN_IMAGES = /^(library\/)?(golang|rust|gcc|buildpack-deps|maven|gradle|haskell|swift|dotnet\/sdk|openjdk)$|(^|\/)dotnet\/sdk$/;

/** True when the image (name without registry and tag, as the parser gives it) is a build toolchain. */
export function isToolchainImage(name: string): boolean {
  return TOOLCHAIN_IMAGES.test(name.toLowerCase());
}
