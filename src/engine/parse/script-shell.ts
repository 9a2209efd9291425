import type { LineIndex } from "../text.js";
import type { ShellScript } from "./shell.js";
import { parseShellFast } from "./shell-fast.js";
import { officialPlatform } from "../official-images.js";

/** Which shell reads a Dockerfile's shell-form scripts, and so whether and how they are parsed. */

const POSIX_SHELL_NAMES = "sh|bash|ash|dash|ksh|mksh|zsh|busybox";
const POSIX_SHELLS = new RegExp(`(^|/)(${POSIX_SHELL_NAMES})$`);
const CMD_SHELL = /(^|[\\/])cmd(\.exe)?$/i;
const WINDOWS_IMAGE = /(^|[/:_.-])(nanoserver|servercore|windowsservercore|windows)([/:_.-]|$)/i;
/** `<<EOT`, optionally followed by the POSIX shell that reads it (`<<EOT bash -ex`). */
const HEREDOC_SCRIPT = new RegExp(`^\\s*<<-?["']?\\w+["']?(?:[ \\t]+(?:\\S*/)?(${POSIX_SHELL_NAMES})(?:[ \\t]+-[a-zA-Z]+)*)?[ \\t]*(?:\\r?\\n|$)`);

const SHELL_PRAGMA = /^#[ \t]*hadolint[ \t]+shell[ \t]*=[ \t]*([\w./-]+)/im;

/** The shell a `# hadolint shell=powershell` pragma names for every script of the file, whatever SHELL says; null without one. */
export function shellPragma(text: string): string | null {
  return SHELL_PRAGMA.exec(text)?.[1] ?? null;
}

/** True for a Windows base image (nanoserver, servercore, …): its stages build Windows containers. */
export function isWindowsImage(ref: string): boolean {
  return WINDOWS_IMAGE.test(ref);
}

/**
 * The platform a base image builds for as far as its reference tells: Windows for a Windows image
 * (nanoserver, servercore, an Official Image's Windows tag), Linux for an Official Image's tag on a
 * Linux distribution; null for an image that does not say.
 */
export function imagePlatform(ref: string): "windows" | "linux" | null {
  return isWindowsImage(ref) ? "windows" : officialPlatform(ref);
}

/**
 * True when the backtick escape that Windows Dockerfiles use decides a stage's platform: only on a
 * base image that does not tell it (`# escape=\`` is a parser directive, also written for Linux images).
 */
export const backtickSaysWindows = (imageRef: string | null, escape: string): boolean =>
  escape === "`" && (imageRef === null || imagePlatform(imageRef) === null);

/**
 * The shell a stage starts with: its base stage's, else Docker's default for the platform: `cmd /S /C`
 * for a Windows image (or, on an image that does not tell, in a file with Windows' backtick escape),
 * `/bin/sh -c` otherwise.
 */
export function initialShell(baseShell: string | null, imageRef: string | null, escape: string): string {
  if (baseShell !== null) return baseShell;
  return (imageRef !== null && imagePlatform(imageRef) === "windows") || backtickSaysWindows(imageRef, escape) ? "cmd" : "/bin/sh";
}

export const isCmd = (shellName: string): boolean => CMD_SHELL.test(shellName);

/**
 * Scripts are read for POSIX shells and for cmd: a cmd line of simple commands (`powershell -Command
 * …`, `curl.exe -k …`) reads the same way, and rules such as shell-change-via-run judge it.
 */
export const readsScript = (shellName: string): boolean => POSIX_SHELLS.test(shellName) || isCmd(shellName);

/**
 * A cmd script as far as the fast shell parser reads it. What it leaves is cmd or PowerShell syntax
 * that no POSIX parser judges correctly, so mvdan-sh is not asked: the script has no commands.
 */
export function parseCmdScript(text: string, baseOffset: number, index: LineIndex): ShellScript {
  const at = index.position(baseOffset);
  const refused = { commands: [], pipes: [], error: { message: "not parsed: a cmd script beyond simple commands", range: { start: at, end: at } } };
  return parseShellFast(text, baseOffset, index) ?? refused;
}

/**
 * The shell that runs a RUN whose script is its heredoc: "" for `RUN <<EOT` alone (the stage's
 * shell), the shell's name for `RUN <<EOT bash -ex` (bash reads the heredoc as its script), and
 * null for any other body, `RUN <<EOT python3` and `RUN cat <<EOT > file` among them.
 */
export function heredocScriptShell(body: string): string | null {
  const m = HEREDOC_SCRIPT.exec(body);
  return m ? (m[1] ?? "") : null;
}
