import rule from "../../../rules/dockerfile/gem-version-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM ruby:3.3\nRUN gem install bundler:2.5.11\n",
    "FROM ruby:3.3\nRUN gem install grpc -v ${GRPC_RUBY_VERSION}\n",
    "FROM ruby:3.3\nRUN gem install --version 2.5.11 bundler\n",
    "FROM ruby:3.3\nRUN gem install grpc:${GRPC_VERSION} grpc-tools:${GRPC_VERSION}\n",
    "FROM ruby:3.3\nRUN bundle install\n",
    "FROM ruby:3.3\nRUN gem install nokogiri:1.16.5 -- --use-system-libraries\n",
  ],
  invalid: [
    {
      code: "FROM ruby:3.3\nRUN gem install bundler\n",
      errors: [{ messageId: "unpinned", line: 2, column: 17, endLine: 2, endColumn: 24 }],
    },
    {
      code: "FROM ruby:3.3\nRUN gem install grpc -v ${GRPC_RUBY_VERSION} blunder\n",
      errors: [{ messageId: "unpinned", line: 2, column: 46, endLine: 2, endColumn: 53 }],
    },
    {
      code: "FROM ruby:3.3\nRUN [\"gem\", \"install\", \"blunder\"]\n",
      errors: [{ messageId: "unpinned", line: 2, column: 24, endLine: 2, endColumn: 33 }],
    },
  ],
});
