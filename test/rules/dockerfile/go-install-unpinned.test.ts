import rule from "../../../rules/dockerfile/go-install-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n",
    "FROM golang:1.22\nRUN go install ./... && go install . && go install tool\n",
    "FROM golang:1.22\nRUN go build -o /app ./cmd/app\n",
    "FROM golang:1.22\nRUN go install -ldflags \"-s -w\" ./cmd/app\n",
  ],
  invalid: [
    {
      code: "FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv\n",
      errors: [{ messageId: "unpinned", line: 2, column: 16, endLine: 2, endColumn: 49 }],
    },
    {
      code: "FROM golang:1.22\nRUN CGO_ENABLED=0 go install -tags netgo github.com/pressly/goose/v3/cmd/goose\n",
      errors: [{ messageId: "unpinned", line: 2, column: 42, endLine: 2, endColumn: 79 }],
    },
  ],
});
