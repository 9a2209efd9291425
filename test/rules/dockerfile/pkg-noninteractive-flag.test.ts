import rule from "../../../rules/dockerfile/pkg-noninteractive-flag.js";
import { ruleTester, runCase } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get -qy install git\n",
    "FROM debian:12\nRUN apt-get -qq install git\nRUN apt-get -q -q install git\nRUN apt-get --quiet --quiet install git\nRUN apt-get -q=2 install git\n",
    "FROM debian:12\nRUN apt-get --assume-yes install git\nRUN sudo apt-get --yes install git\n",
    "FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install git\n",
    "FROM debian:12\nRUN yes | apt-get install git\n",
    "FROM debian:12\nRUN if apt-get install -s \"postgresql-$PG_MAJOR-jit\" > /dev/null 2>&1; then echo ok; fi\n",
    "FROM debian:12\nRUN [\"apt-get\", \"-y\", \"install\", \"apt-utils\"]\n",
    "FROM fedora:40\nRUN dnf install -y httpd && microdnf install httpd\n",
    "FROM centos:7\nRUN yum -y install httpd\n",
    "FROM opensuse/leap:15\nRUN zypper --non-interactive install httpd && zypper in -y nginx\n",
    "FROM opensuse/leap:15\nRUN zypper -n si nginx && zypper -nq rm --no-confirm httpd\n",
    "FROM alpine:3.20\nRUN apk add curl\n",
    "FROM debian:12\nRUN apt-get update\nRUN apt-cache search x\n",
    "FROM debian:12\nSHELL [\"pwsh\", \"-c\"]\nRUN apt-get install git\n",
  ],
  invalid: [
    {
      // option values are not the subcommand
      code: "FROM debian:12\nRUN apt-get -o Acquire::Check-Valid-Until=false update \\\n && apt-get -o Dpkg::Options::=\"--force-confold\" install curl\nRUN dnf --enablerepo epel install nginx\n",
      errors: [
        { messageId: "missing", line: 3, column: 50, endLine: 3, endColumn: 57, data: { manager: "apt-get", subcommand: "install", flag: "-y" } },
        { messageId: "missing", line: 4, column: 27, endLine: 4, endColumn: 34, data: { manager: "dnf", subcommand: "install", flag: "-y" } },
      ],
      output: "FROM debian:12\nRUN apt-get -o Acquire::Check-Valid-Until=false update \\\n && apt-get -o Dpkg::Options::=\"--force-confold\" install -y curl\nRUN dnf --enablerepo epel install -y nginx\n",
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install curl\n",
      errors: [{ messageId: "missing", line: 2, column: 31, endLine: 2, endColumn: 38 }],
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    },
    {
      code: "FROM debian:12\nRUN sudo -E apt-get -q install sl \\\n && DEBIAN_FRONTEND=noninteractive apt-get purge sl\n",
      errors: [
        { messageId: "missing", line: 2, column: 24, endLine: 2, endColumn: 31 },
        { messageId: "missing", line: 3, column: 44, endLine: 3, endColumn: 49 },
      ],
      output: "FROM debian:12\nRUN sudo -E apt-get -q install -y sl \\\n && DEBIAN_FRONTEND=noninteractive apt-get purge -y sl\n",
    },
    {
      code: "FROM debian:12\nRUN [\"apt-get\", \"install\", \"apt-utils\"]\n",
      errors: [{ messageId: "missing", line: 2, column: 17, endLine: 2, endColumn: 26 }],
      output: "FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"apt-utils\"]\n",
    },
    {
      code: "FROM centos:7\nRUN [\"sudo yum\", \"install\", \"bundler\"]\n",
      errors: [{ messageId: "missing", line: 2, column: 18, endLine: 2, endColumn: 27 }],
      output: "FROM centos:7\nRUN [\"sudo yum\", \"install\", \"-y\", \"bundler\"]\n",
    },
    {
      code: "FROM fedora:40\nRUN dnf in docker-ce\nRUN zypper install httpd && zypper clean\n",
      errors: [
        { messageId: "missing", line: 2, column: 9, endLine: 2, endColumn: 11 },
        { messageId: "zypper", line: 3, column: 12, endLine: 3, endColumn: 19, data: { subcommand: "install" } },
      ],
      output: "FROM fedora:40\nRUN dnf in -y docker-ce\nRUN zypper install -y httpd && zypper clean\n",
    },
    {
      // after the subcommand, -n is install's --name, not the global --non-interactive
      code: "FROM opensuse/leap:15\nRUN zypper install -n httpd\n",
      errors: [{ messageId: "zypper", line: 2, column: 12, endLine: 2, endColumn: 19 }],
      output: "FROM opensuse/leap:15\nRUN zypper install -y -n httpd\n",
    },
    {
      // source-install has no -y: the global -n goes before the subcommand
      code: "FROM opensuse/leap:15\nRUN zypper si nginx\nRUN [\"zypper\", \"source-install\", \"nginx\"]\n",
      errors: [
        { messageId: "zypper", line: 2, column: 12, endLine: 2, endColumn: 14, data: { subcommand: "si" } },
        { messageId: "zypper", line: 3, column: 16, endLine: 3, endColumn: 32, data: { subcommand: "source-install" } },
      ],
      output: "FROM opensuse/leap:15\nRUN zypper -n si nginx\nRUN [\"zypper\", \"-n\", \"source-install\", \"nginx\"]\n",
    },
    {
      code: "FROM debian:12\nONBUILD RUN apt install $PKG\n",
      errors: [{ messageId: "missing", line: 2, column: 17, endLine: 2, endColumn: 24 }],
      output: "FROM debian:12\nONBUILD RUN apt install -y $PKG\n",
    },
  ],
});

it("says the step aborts when the command asks, not every time", () => {
  // `apt-get autoremove` with nothing to remove, or an install of exactly the named packages, asks nothing.
  const [finding] = runCase(rule, { code: "FROM debian:12\nRUN apt-get autoremove --purge\n" });
  expect(finding.message).toContain("whenever it asks for confirmation");
});
