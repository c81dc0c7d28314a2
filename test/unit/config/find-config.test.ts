/**
 * The nearest `sop.config.json` above a script wins, for file paths and URIs alike.
 */
import { strict as assert } from 'node:assert';
import { findNearestConfig } from '../../../server/src/language/config';

function filesystem(files: Record<string, string>) {
  const reads: string[] = [];
  const readFile = async (uri: string): Promise<string | undefined> => {
    reads.push(uri);
    return files[uri];
  };
  return { readFile, reads };
}

describe('finding sop.config.json', () => {
  it('takes the one in the script folder first', async () => {
    const fs = filesystem({ '/repo/team/sop.config.json': 'team', '/repo/sop.config.json': 'repo' });
    assert.deepEqual(await findNearestConfig('/repo/team/a.sop', fs.readFile), { uri: '/repo/team/sop.config.json', text: 'team' });
  });

  it('walks up until it finds one', async () => {
    const fs = filesystem({ '/repo/sop.config.json': 'repo' });
    assert.deepEqual(await findNearestConfig('/repo/team/sub/a.sop', fs.readFile), { uri: '/repo/sop.config.json', text: 'repo' });
    assert.deepEqual(fs.reads, ['/repo/team/sub/sop.config.json', '/repo/team/sop.config.json', '/repo/sop.config.json']);
  });

  it('stops at the root when there is none', async () => {
    const fs = filesystem({});
    assert.equal(await findNearestConfig('/repo/a.sop', fs.readFile), undefined);
    assert.deepEqual(fs.reads, ['/repo/sop.config.json', '/sop.config.json']);
  });

  it('works on file URIs', async () => {
    const fs = filesystem({ 'file:///home/ana/sop.config.json': '{}' });
    assert.deepEqual(await findNearestConfig('file:///home/ana/scripts/a.sop', fs.readFile), { uri: 'file:///home/ana/sop.config.json', text: '{}' });
    await findNearestConfig('file:///x/a.sop', fs.readFile);
    assert.equal(fs.reads.at(-1), 'file:///sop.config.json');
  });

  it('finds an empty file too (it is reported, not skipped)', async () => {
    const fs = filesystem({ '/repo/sop.config.json': '' });
    assert.deepEqual(await findNearestConfig('/repo/a.sop', fs.readFile), { uri: '/repo/sop.config.json', text: '' });
  });

  it('works on relative paths and Windows drives', async () => {
    const fs = filesystem({ 'sop.config.json': '{}' });
    assert.deepEqual(await findNearestConfig('scripts/a.sop', fs.readFile), { uri: 'sop.config.json', text: '{}' });
    const win = filesystem({});
    await findNearestConfig('C:/work/a.sop', win.readFile);
    assert.deepEqual(win.reads, ['C:/work/sop.config.json', 'C:/sop.config.json']);
  });
});
