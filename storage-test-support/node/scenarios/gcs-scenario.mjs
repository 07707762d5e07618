// Runs Google's official Node client (@google-cloud/storage, pinned in ../package.json) against a Cloud
// Storage JSON API endpoint, to check that the Unistore GCS stand-in answers as the real service does.
// Usage: node gcs-scenario.mjs http://127.0.0.1:PORT
// Prints one line per check and exits non-zero if any failed.
import { Storage } from '@google-cloud/storage';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

const endpoint = process.argv[2];
if (!endpoint) {
  console.error('usage: node gcs-scenario.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const storage = new Storage({
  apiEndpoint: endpoint,
  projectId: 'node-scenario',
  retryOptions: { autoRetry: false },
});

let ok = 0;
const failures = [];
function check(name, condition, detail) {
  if (condition) {
    ok++;
    console.log(`ok   ${name}`);
  } else {
    failures.push(name);
    console.log(`FAIL ${name}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`);
  }
}
async function expectError(name, status, fn) {
  try {
    await fn();
    check(name, false, 'no error');
  } catch (e) {
    check(name, e.code === status, { code: e.code, message: e.message });
    return e;
  }
}
const md5 = buf => crypto.createHash('md5').update(buf).digest('base64');

async function buckets() {
  const [bucket] = await storage.createBucket('node-b1', { versioning: { enabled: true } });
  check('bucket created', bucket.name === 'node-b1');
  const [meta] = await bucket.getMetadata();
  check('bucket versioning read back', meta.versioning && meta.versioning.enabled === true, meta.versioning);
  check('bucket metageneration is a string', typeof meta.metageneration === 'string', meta.metageneration);
  await storage.createBucket('node-b2');
  const [all] = await storage.getBuckets({ prefix: 'node-b' });
  check('buckets listed by prefix', all.map(b => b.name).join(',') === 'node-b1,node-b2', all.map(b => b.name));
  const [page1, next] = await storage.getBuckets({ prefix: 'node-b', maxResults: 1, autoPaginate: false });
  check('bucket listing pages', page1.length === 1 && next && next.pageToken, next);
  await expectError('creating an existing bucket is 409', 409, () => storage.createBucket('node-b1'));
  const [exists] = await storage.bucket('node-missing').exists();
  check('a missing bucket does not exist', exists === false);
  return bucket;
}

async function lifecycle(bucket) {
  await bucket.addLifecycleRule({ action: { type: 'SetStorageClass', storageClass: 'NEARLINE' },
    condition: { age: 30, matchesPrefix: ['logs/'] } });
  await bucket.addLifecycleRule({ action: { type: 'Delete' }, condition: { age: 365 } });
  const [meta] = await bucket.getMetadata();
  const rules = (meta.lifecycle && meta.lifecycle.rule) || [];
  check('lifecycle rules appended and read back', rules.length === 2
    && rules[0].action.storageClass === 'NEARLINE' && rules[0].condition.matchesPrefix[0] === 'logs/'
    && rules[1].action.type === 'Delete' && rules[1].condition.age === 365, rules);
  await expectError('a lifecycle rule with an unknown action is 400', 400,
    () => bucket.setMetadata({ lifecycle: { rule: [{ action: { type: 'Explode' }, condition: { age: 1 } }] } }));
  await bucket.setMetadata({ lifecycle: null });
  const [cleared] = await bucket.getMetadata();
  check('lifecycle cleared by null', !cleared.lifecycle, cleared.lifecycle);
}

async function uploads(bucket) {
  const small = Buffer.from('hello from node');
  await bucket.file('dir/small.txt').save(small, { resumable: false, contentType: 'text/plain',
    metadata: { metadata: { origin: 'node' } } });
  const [m] = await bucket.file('dir/small.txt').getMetadata();
  check('multipart upload: size as string', m.size === String(small.length), m.size);
  check('multipart upload: md5', m.md5Hash === md5(small), m.md5Hash);
  check('multipart upload: content type', m.contentType === 'text/plain', m.contentType);
  check('multipart upload: custom metadata', m.metadata && m.metadata.origin === 'node', m.metadata);

  const big = crypto.randomBytes(1024 * 1024 + 12345);
  await pipeline(Readable.from([big]), bucket.file('dir/big.bin').createWriteStream({
    resumable: true, chunkSize: 256 * 1024, contentType: 'application/octet-stream' }));
  const [bm] = await bucket.file('dir/big.bin').getMetadata();
  check('chunked resumable upload: size', bm.size === String(big.length), bm.size);
  check('chunked resumable upload: md5', bm.md5Hash === md5(big));

  const one = crypto.randomBytes(300 * 1024);
  await bucket.file('dir/one-shot-resumable.bin').save(one, { resumable: true });
  const [om] = await bucket.file('dir/one-shot-resumable.bin').getMetadata();
  check('single-request resumable upload', om.md5Hash === md5(one), om.size);

  const [full] = await bucket.file('dir/big.bin').download();
  check('download whole object (hash validated by the client)', full.equals(big));
  const [part] = await bucket.file('dir/big.bin').download({ start: 1000, end: 1999 });
  check('ranged download', part.equals(big.subarray(1000, 2000)), part.length);
  const chunks = [];
  for await (const c of bucket.file('dir/big.bin').createReadStream({ start: big.length - 10 })) {
    chunks.push(c);
  }
  check('ranged read stream to the end', Buffer.concat(chunks).equals(big.subarray(big.length - 10)));
  return big;
}

async function listing(bucket) {
  for (const name of ['dir/sub/x.txt', 'dir/sub/y.txt', 'other.txt', 'z/last.txt']) {
    await bucket.file(name).save(Buffer.from(name), { resumable: false });
  }
  const [files] = await bucket.getFiles({ prefix: 'dir/' });
  check('list by prefix', files.map(f => f.name).join(',') ===
    'dir/big.bin,dir/one-shot-resumable.bin,dir/small.txt,dir/sub/x.txt,dir/sub/y.txt', files.map(f => f.name));
  const [top, , resp] = await bucket.getFiles({ delimiter: '/', autoPaginate: false });
  check('delimiter: objects', top.map(f => f.name).join(',') === 'other.txt', top.map(f => f.name));
  check('delimiter: prefixes', (resp.prefixes || []).join(',') === 'dir/,z/', resp.prefixes);
  let names = [];
  let query = { maxResults: 2, autoPaginate: false };
  let pages = 0;
  while (query) {
    const [page, next] = await bucket.getFiles(query);
    names = names.concat(page.map(f => f.name));
    pages++;
    query = next;
  }
  check('paging with maxResults and pageToken', pages === 4 && names.length === 7 &&
    names.join(',') === [...names].sort().join(','), { pages, names });
}

async function generations(bucket) {
  const file = bucket.file('gen.txt');
  await file.save('v1', { resumable: false });
  const [m1] = await file.getMetadata();
  await expectError('ifGenerationMatch=0 on an existing object is 412', 412,
    () => file.save('nope', { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } }));
  await file.save('v2', { resumable: false, preconditionOpts: { ifGenerationMatch: Number(m1.generation) } });
  const [m2] = await file.getMetadata();
  check('a write makes a new generation', m2.generation !== m1.generation, [m1.generation, m2.generation]);
  await expectError('stale ifGenerationMatch is 412', 412,
    () => file.save('v3', { resumable: false, preconditionOpts: { ifGenerationMatch: Number(m1.generation) } }));
  const [old] = await bucket.file('gen.txt', { generation: m1.generation }).download();
  check('read an old generation', old.toString() === 'v1', old.toString());
  await file.setMetadata({ metadata: { color: 'blue' } });
  const [m3] = await file.getMetadata();
  check('metadata patch bumps the metageneration', m3.metageneration === '2' && m3.generation === m2.generation, m3);
  await file.setMetadata({ metadata: { color: null, size: 'L' } });
  const [m4] = await file.getMetadata();
  check('metadata patch removes a key set to null', m4.metadata && !('color' in m4.metadata) && m4.metadata.size === 'L',
    m4.metadata);
  await expectError('ifMetagenerationMatch mismatch is 412', 412,
    () => file.setMetadata({ contentType: 'text/x' }, { ifMetagenerationMatch: 1 }));
  const [versions] = await bucket.getFiles({ prefix: 'gen.txt', versions: true });
  check('list versions', versions.length === 2, versions.map(v => v.metadata.generation));
  await file.delete();
  const [after] = await bucket.getFiles({ prefix: 'gen.txt', versions: true });
  check('deleting keeps noncurrent generations', after.length === 2 && after.every(v => v.metadata.timeDeleted),
    after.map(v => v.metadata.timeDeleted));
  const [exists] = await file.exists();
  check('the deleted object no longer exists', exists === false);
  await bucket.file('gen.txt', { generation: m1.generation }).delete();
  const [left] = await bucket.getFiles({ prefix: 'gen.txt', versions: true });
  check('deleting a generation removes it for good', left.length === 1, left.length);
}

async function copies(bucket, big) {
  const [copy] = await bucket.file('dir/big.bin').copy(bucket.file('copies/big-copy.bin'));
  const [cm] = await copy.getMetadata();
  check('copy (rewrite): md5 kept', cm.md5Hash === md5(big), cm.md5Hash);
  const [b2copy] = await bucket.file('dir/small.txt').copy(storage.bucket('node-b2').file('small.txt'));
  const [b2m] = await b2copy.getMetadata();
  check('copy to another bucket keeps metadata', b2m.metadata && b2m.metadata.origin === 'node' &&
    b2m.contentType === 'text/plain', b2m);
  await bucket.file('copies/big-copy.bin').setStorageClass('NEARLINE');
  const [sm] = await bucket.file('copies/big-copy.bin').getMetadata();
  check('storage class changed by rewrite', sm.storageClass === 'NEARLINE', sm.storageClass);
  const [content] = await bucket.file('copies/big-copy.bin').download();
  check('a NEARLINE object still reads', content.equals(big));
}

async function errors(bucket) {
  const e = await expectError('missing object is 404', 404, () => bucket.file('nope.txt').getMetadata());
  check('error JSON carries a message', e && typeof e.message === 'string' && e.message.length > 0, e && e.message);
  check('error JSON carries a reason', e && Array.isArray(e.errors) && e.errors[0] && e.errors[0].reason === 'notFound',
    e && e.errors);
  await expectError('download of a missing object is 404', 404, () => bucket.file('nope.txt').download());
  await expectError('object in a missing bucket is 404', 404, () => storage.bucket('node-missing').file('x').getMetadata());
  await expectError('deleting a non-empty bucket is 409', 409, () => storage.bucket('node-b2').delete());
  await expectError('deleting a missing object is 404', 404, () => bucket.file('nope.txt').delete());
  await expectError('range beyond the end is 416', 416,
    () => bucket.file('dir/small.txt').download({ start: 1000, end: 2000 }));
}

async function cleanup() {
  for (const name of ['node-b1', 'node-b2']) {
    const b = storage.bucket(name);
    const [files] = await b.getFiles({ versions: true });
    for (const f of files) {
      await b.file(f.name, { generation: f.metadata.generation }).delete();
    }
    await b.delete();
  }
  const [left] = await storage.getBuckets({ prefix: 'node-b' });
  check('buckets emptied and deleted', left.length === 0, left.map(b => b.name));
}

try {
  const bucket = await buckets();
  await lifecycle(bucket);
  const big = await uploads(bucket);
  await listing(bucket);
  await generations(bucket);
  await copies(bucket, big);
  await errors(bucket);
  await cleanup();
} catch (e) {
  failures.push('unexpected error');
  console.log(`FAIL unexpected error (code ${e && e.code}, ${JSON.stringify(e && e.errors)}): ${e && e.stack ? e.stack : e}`);
}
console.log(`gcs-scenario: ${ok} checks ok, ${failures.length} failing${failures.length ? ': ' + failures.join('; ') : ''}`);
process.exit(failures.length === 0 ? 0 : 1);
