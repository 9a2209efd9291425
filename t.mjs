import {DockerfileParser} from "dockerfile-ast";
const d = DockerfileParser.parse('# escape=`\nARG X=1\nFROM --platform=$B node:20@sha256:abc AS build\nCOPY --from=a --chown=1:1 x y /z/\nCMD ["a", "b c"]\nENV A=1 B="2 3"\nENV C 4 5\nLABEL x=y\nHEALTHCHECK --interval=5s CMD curl x\nUSER 1000:1000\n');
console.log(d.getDirectives().map(x=>[x.getName(), x.getValue()]), d.getEscapeCharacter());
for (const i of d.getInstructions()) {
  console.log(i.getKeyword(), i.getArguments().map(a=>a.getValue()), i.getFlags?.().map(f=>[f.getName(), f.getValue()]), i.getJSONStrings?.().map(j=>[j.getValue(), j.getJSONValue?.()]), i.getProperties?.().map(p=>[p.getName(), p.getValue(), p.getAssignmentOperator()]));
}
const f = d.getFROMs()[0]; console.log(f.getImage(), f.getImageName(), f.getImageTag(), f.getImageDigest(), f.getRegistry(), f.getBuildStage(), JSON.stringify(f.getImageNameRange()));
const hc = d.getHEALTHCHECKs()[0]; console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(hc)), hc.getSubcommand?.()?.getValue());
