import { strict as assert } from 'node:assert';
import { declaringUris, definitionsAt, referencesAt, type Location, type Program } from '../../../server/src/language/index';
import { marked, programOf, ROOT } from './cursor';

/** `name:text` for each location, reading the text from the program's files. */
function show(program: Program, locations: Location[]): string[] {
  return locations.map(({ uri, span }) => `${uri.slice(ROOT.length)}:${program.files.get(uri)!.text.slice(span.start, span.end)}@${span.start}`);
}

const LIB = 'var 工号\nsituation closing "通话结束" {\n  say "我的工号是{工号}号,再见!"\n  wait 5s\n  hangup\n}\n';

describe('go to definition', () => {
  const cases: Array<{ name: string; root: string; expect: string[] }> = [
    {
      name: 'goes from a goto to the situation in an imported file',
      root: 'import "lib.sop"\nsituation a {\n  goto clos|ing\n}\n',
      expect: [`lib.sop:closing@${LIB.indexOf('closing')}`],
    },
    {
      name: 'goes from a placeholder to the var of an imported file',
      root: 'import "lib.sop"\nsituation a {\n  say "工号{工|号}"\n  end\n}\n',
      expect: ['lib.sop:工号@4'],
    },
    {
      name: 'lists every definition of a duplicated id',
      root: 'import "lib.sop"\nsituation closing { end }\nsituation a {\n  goto closing|\n}\n',
      expect: ['a.sop:closing@27', `lib.sop:closing@${LIB.indexOf('closing')}`],
    },
    { name: 'finds nothing for an unknown situation', root: 'situation a {\n  goto nowhere|\n}\n', expect: [] },
    { name: 'finds nothing on a keyword', root: 'situa|tion a { end }\n', expect: [] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { program, uri, offset } = await programOf({ 'a.sop': c.root, 'lib.sop': LIB });
      assert.deepEqual(show(program, definitionsAt(program, uri, offset)).sort(), c.expect.sort());
    });
  }

  it('opens the file an import names', async () => {
    const { program, uri, offset } = await programOf({ 'a.sop': 'import "li|b.sop"\n', 'lib.sop': LIB });
    assert.deepEqual(definitionsAt(program, uri, offset), [{ uri: `${ROOT}lib.sop`, span: { start: 0, end: 0 } }]);
  });
});

describe('find references', () => {
  it('finds a situation\'s uses in the files that import it', async () => {
    const lib = marked(LIB.replace('closing "', 'closing| "'));
    const root = 'import "lib.sop"\nsituation a {\n  goto closing\n}\nsituation b {\n  wait 5s fallback goto closing\n}\n';
    const { program } = await programOf({ 'a.sop': root, 'lib.sop': lib.text });
    const libFile = program.files.get(`${ROOT}lib.sop`)!;
    const first = root.indexOf('closing');
    const uses = [`a.sop:closing@${first}`, `a.sop:closing@${root.indexOf('closing', first + 1)}`];
    assert.deepEqual(show(program, referencesAt(libFile, lib.offset, program.files.values(), false)), uses);
    const withDeclaration = show(program, referencesAt(libFile, lib.offset, program.files.values(), true));
    assert.deepEqual(withDeclaration, [`lib.sop:closing@${LIB.indexOf('closing')}`, ...uses]);
  });

  it('finds a variable\'s placeholders in every string kind, across files', async () => {
    const { program, uri, offset } = await programOf({
      'a.sop': 'import "lib.sop"\nsituation a "{工号}" {\n  when "{工号}"\n  note "{工号}"\n  promise 2h "{工号|}"\n  transfer "{工号}"\n}\n',
      'lib.sop': LIB,
    });
    const found = referencesAt(program.root, offset, program.files.values(), true);
    assert.equal(found.filter((l) => l.uri === uri).length, 5);
    assert.equal(found.filter((l) => l.uri === `${ROOT}lib.sop`).length, 2);
  });
});

describe('declaring files', () => {
  it('names the files that declare a situation or a variable, else the root', async () => {
    const { program } = await programOf({ 'a.sop': 'import "lib.sop"\nsituation a { goto closing }\n', 'lib.sop': LIB });
    assert.deepEqual(declaringUris(program, { kind: 'situation', name: 'closing' }), [`${ROOT}lib.sop`]);
    assert.deepEqual(declaringUris(program, { kind: 'variable', name: '工号' }), [`${ROOT}lib.sop`]);
    assert.deepEqual(declaringUris(program, { kind: 'situation', name: 'nowhere' }), [`${ROOT}a.sop`]);
  });
});
