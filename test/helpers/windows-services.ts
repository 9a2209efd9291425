import type { TestCase } from "./rule-tester.js";

/**
 * Services that run Windows containers, each recognised another way: `platform: windows/…`, a
 * Windows image, one inherited from an `extends` base, a build whose stage is FROM a Windows image,
 * and one whose stage uses Windows' backtick escape. The first also sets `userns_mode: host`, adds
 * a capability and turns seccomp, AppArmor and SELinux labelling off, all of which Windows ignores.
 */
export const WINDOWS_SERVICES: TestCase = {
  code: [
    "services:",
    "  iis:",
    "    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022",
    "    userns_mode: host",
    "    cap_add: [SYS_ADMIN]",
    "    security_opt: [seccomp:unconfined, apparmor:unconfined, label:disable]",
    "  app:",
    "    platform: windows/amd64",
    "    image: example/app:1",
    "  worker:",
    "    extends: iis",
    "  api:",
    "    build: ./api",
    "  legacy:",
    "    build: ./legacy",
    "",
  ].join("\n"),
  files: {
    "api/Dockerfile": "FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nCOPY app/ C:/app/\nENTRYPOINT [\"dotnet\", \"C:/app/api.dll\"]\n",
    "legacy/Dockerfile": "# escape=`\nFROM example/base:ltsc2022\nCOPY app C:\\app\n",
  },
};
