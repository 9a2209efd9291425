import { Composer, CST, Parser, parseDocument, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from "yaml";

/**
 * `parseDocument` of the yaml library, without its per-token cost of reading `process.env`.
 *
 * The library's `Parser#next` runs once per token and first reads `process.env.LOG_TOKENS` (a
 * debugging switch): each read of `process.env` asks the C library's environment, which made up a
 * sixth of the time to parse a Compose file. FastParser's `next` is the library's own, less that
 * check. It copies a private method, so it is used only while the installed library's method is
 * exactly the one copied (LIBRARY_NEXT); any other version of the library gets the stock parser,
 * and test/engine/compose-yaml-parse.test.ts fails until the copy is brought up to date.
 */

/** The library's `Parser#next` (yaml 2.9), as `Function#toString` shows it; compared without whitespace. */
const LIBRARY_NEXT = `*next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = \`Not a YAML token: \${source}\`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }`;

const squeeze = (s: string) => s.replace(/\s+/g, "");

/** True when the installed library's `Parser#next` is the one FastParser copies. */
export const fastParserMatchesLibrary = squeeze(String(Parser.prototype.next)) === squeeze(LIBRARY_NEXT);

/** The private state of the library's Parser that `next` reads and writes. */
interface ParserState {
  source: string;
  atScalar: boolean;
  atNewLine: boolean;
  indent: number;
  offset: number;
  type: string;
  onNewLine?: (offset: number) => void;
  step(): Generator<CST.Token, void>;
  pop(error?: CST.Token): Generator<CST.Token, void>;
}

class FastParser extends Parser {
  override *next(source: string): Generator<CST.Token, void> {
    const p = this as unknown as ParserState;
    p.source = source;
    if (p.atScalar) {
      p.atScalar = false;
      yield* p.step();
      p.offset += source.length;
      return;
    }
    const type = CST.tokenType(source);
    if (!type) {
      const message = `Not a YAML token: ${source}`;
      yield* p.pop({ type: "error", offset: p.offset, message, source });
      p.offset += source.length;
    } else if (type === "scalar") {
      p.atNewLine = false;
      p.atScalar = true;
      p.type = "scalar";
    } else {
      p.type = type;
      yield* p.step();
      switch (type) {
        case "newline":
          p.atNewLine = true;
          p.indent = 0;
          if (p.onNewLine) p.onNewLine(p.offset + source.length);
          break;
        case "space":
          if (p.atNewLine && source[0] === " ") p.indent += source.length;
          break;
        case "explicit-key-ind":
        case "map-value-ind":
        case "seq-item-ind":
          if (p.atNewLine) p.indent += source.length;
          break;
        case "doc-mode":
        case "flow-error-end":
          return;
        default:
          p.atNewLine = false;
      }
      p.offset += source.length;
    }
  }
}

export type FastParseOptions = ParseOptions & DocumentOptions & SchemaOptions & { prettyErrors: false; lineCounter?: undefined };

/**
 * The library's `parseDocument(source, options)` for options without a LineCounter and with
 * `prettyErrors: false` (the only case it copies: no error is prettified), on FastParser.
 */
export function parseYamlDocument(source: string, options: FastParseOptions, fast = fastParserMatchesLibrary): Document {
  if (!fast) return parseDocument(source, options);
  const parser = new FastParser();
  const composer = new Composer(options);
  // As the library does: the first document, and an error if another one follows.
  let doc: Document | null = null;
  for (const next of composer.compose(parser.parse(source), true, source.length)) {
    if (!doc) doc = next;
    else if (doc.options.logLevel !== "silent") {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  return doc!;
}
