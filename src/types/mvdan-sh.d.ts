declare module "mvdan-sh" {
  // mvdan-sh is GopherJS output without type declarations; its nodes mirror mvdan.cc/sh/v3/syntax.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Node = any;
  const sh: {
    syntax: {
      NewParser(...options: unknown[]): { Parse(src: string, name: string): Node };
      Walk(node: Node, visit: (node: Node) => boolean): void;
      NodeType(node: Node): string;
      KeepComments(enabled: boolean): unknown;
      Variant(lang: unknown): unknown;
      LangBash: unknown;
      LangPOSIX: unknown;
    };
  };
  export default sh;
}
