import rule from "../../../rules/dockerfile/update-without-install.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get update\n",
    "FROM alpine:3.20\nRUN apk update\nRUN apk add --update nginx\nRUN apk -U add vim\nRUN apk add --no-cache tini\n",
    "FROM archlinux:base\nRUN pacman -Syu --noconfirm && pacman -S --noconfirm nginx\n",
    "FROM debian:12\nRUN apt-get update\nFROM debian:12\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN php composer.phar update\nRUN apt-get update && apt-get install -y git\n",
    "FROM debian:12\nRUN apt-get update\nRUN apk add curl\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get -o Acquire::Retries=3 update\nRUN apt-get -t bookworm-backports install -y nginx\nFROM rockylinux:9\nRUN yum --disablerepo epel makecache\nRUN yum -x kernel install -y nginx\n",
      errors: [
        { messageId: "stale", line: 3, column: 35, endLine: 3, endColumn: 42 },
        { messageId: "stale", line: 6, column: 19, endLine: 6, endColumn: 26 },
      ],
    },
    {
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y nginx\n",
      errors: [{ messageId: "stale", line: 3, column: 13, endLine: 3, endColumn: 20 }],
    },
    {
      code: "FROM opensuse/leap:15\nRUN zypper refresh\nRUN zypper -n install nginx\n",
      errors: [{ messageId: "stale", line: 3, column: 15, endLine: 3, endColumn: 22 }],
    },
    {
      code: "FROM fedora:40 AS base\nRUN dnf makecache\nFROM base\nRUN [\"yum\", \"install\", \"-y\", \"nginx\"]\n",
      errors: [{ messageId: "stale", line: 4, column: 13, endLine: 4, endColumn: 22 }],
    },
    {
      code: "FROM archlinux:base\nRUN pacman -Sy\nRUN pacman -S --noconfirm nginx\n",
      errors: [{ messageId: "stale", line: 3, column: 12, endLine: 3, endColumn: 14 }],
    },
  ],
});
