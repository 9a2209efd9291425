import rule from "../../../rules/dockerfile/distro-upgrade.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y --only-upgrade openssl\n",
    "FROM centos:7\nRUN yum update -y openssl\n",
    "FROM archlinux:base\nRUN pacman -Sy --noconfirm nginx\n",
    "FROM alpine:3.20\nRUN apk add --no-cache --upgrade curl\n",
  ],
  invalid: [
    {
      // an option's value is not a package: this still upgrades everything but the kernel
      code: "FROM fedora:40\nRUN dnf -y --disablerepo epel update --exclude kernel\n",
      errors: [{ messageId: "upgrade", line: 2, column: 31, endLine: 2, endColumn: 37, data: { command: "dnf update" } }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n",
      errors: [{ messageId: "upgrade", line: 2, column: 34, endLine: 2, endColumn: 46 }],
    },
    {
      code: "FROM alpine:3.20\nRUN apk upgrade --no-cache\nRUN sudo zypper -n dup\n",
      errors: [
        { messageId: "upgrade", line: 2, column: 9, endLine: 2, endColumn: 16 },
        { messageId: "upgrade", line: 3, column: 20, endLine: 3, endColumn: 23 },
      ],
    },
    {
      code: "FROM fedora:40\nRUN dnf -y upgrade\nRUN pacman -Syu --noconfirm\n",
      errors: [
        { messageId: "upgrade", line: 2, column: 12, endLine: 2, endColumn: 19 },
        { messageId: "upgrade", line: 3, column: 12, endLine: 3, endColumn: 16 },
      ],
    },
  ],
});
