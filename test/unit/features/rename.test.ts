import { strict as assert } from 'node:assert';
import { checkNewName, prepareRenameAt, renameAt } from '../../../server/src/language/index';
import { applyEdits, programOf, ROOT, textAt } from './cursor';

const LIB = 'var 姓氏\nsituation closing "通话结束" {\n  say "{姓氏}先生,再见!"\n  wait 5s\n  hangup\n}\n';

async function rename(root: string, newName: string, lib = LIB) {
  const { program, offset } = await programOf({ 'a.sop': root, 'lib.sop': lib });
  const result = renameAt(program.root, offset, newName, program.files.values());
  if ('error' in result) return result;
  const texts: Record<string, string> = {};
  for (const [uri, edits] of result.edits) texts[uri.slice(ROOT.length)] = applyEdits(program.files.get(uri)!.text, edits);
  return texts;
}

describe('rename', () => {
  it('renames a situation in every file of the program', async () => {
    const texts = await rename('import "lib.sop"\nsituation a {\n  goto clo|sing\n}\n', 'goodbye');
    assert.deepEqual(texts, {
      'a.sop': 'import "lib.sop"\nsituation a {\n  goto goodbye\n}\n',
      'lib.sop': LIB.replace('closing', 'goodbye'),
    });
  });

  it('renames a variable in var and in every placeholder', async () => {
    const texts = await rename('import "lib.sop"\nsituation a {\n  say "您好,{姓|氏}先生"\n  end\n}\n', '客户姓氏');
    assert.deepEqual(texts, {
      'a.sop': 'import "lib.sop"\nsituation a {\n  say "您好,{客户姓氏}先生"\n  end\n}\n',
      'lib.sop': LIB.replaceAll('姓氏', '客户姓氏'),
    });
  });

  const refused: Array<[string, string, RegExp]> = [
    ['a keyword in either spelling', '说', /keyword "say"/],
    ['an English keyword', 'hangup', /keyword "hangup"/],
    ['no identifier', '2nd-try', /not an identifier/],
    ['a name with a space', 'good bye', /not an identifier/],
    ['the id of another situation', 'a', /already a situation named "a"/],
  ];
  for (const [what, newName, message] of refused) {
    it(`refuses ${what}`, async () => {
      const result = await rename('import "lib.sop"\nsituation a {\n  goto clo|sing\n}\n', newName);
      assert.ok('error' in result);
      assert.match(String(result.error), message);
    });
  }

  it('refuses the name of another variable', async () => {
    const result = await rename('import "lib.sop"\nvar 工号\nsituation a {\n  say "{工号}{姓|氏}"\n  end\n}\n', '工号');
    assert.match(String('error' in result && result.error), /already a variable named "工号"/);
  });

  it('prepares a rename only on situation ids and variables', async () => {
    const { program, offset } = await programOf({ 'a.sop': 'situation a {\n  goto clo|sing\n}\n' });
    const prepared = prepareRenameAt(program.root, offset);
    assert.ok(!('error' in prepared));
    assert.equal(textAt(program.root, prepared.span), 'closing');
    const onKeyword = prepareRenameAt(program.root, program.root.text.indexOf('goto') + 1);
    assert.match(String('error' in onKeyword && onKeyword.error), /Only situation ids and variables/);
  });

  it('checks new names the way the grammar reads identifiers', () => {
    assert.equal(checkNewName('无声电话'), undefined);
    assert.equal(checkNewName('complaint-2'), undefined);
    assert.equal(checkNewName('_draft'), undefined);
    assert.notEqual(checkNewName('-x'), undefined);
    assert.notEqual(checkNewName(''), undefined);
  });
});
