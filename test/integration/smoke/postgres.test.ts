import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, needsServer } from '../servers';

describe('PostgreSQL (real server)', () => {
  const available = needsServer('postgres');
  let client: pg.Client;
  beforeAll(async () => {
    if (!available) return;
    client = new pg.Client({ connectionString: await freshDatabase('smoke') });
    await client.connect();
  });
  afterAll(async () => client?.end());

  it('is PostgreSQL 15 and keeps int8 values exact, as strings', async () => {
    const { rows } = await client.query("SELECT current_setting('server_version_num')::int / 10000 AS major, 9223372036854775807::int8 AS max");
    expect(rows[0].major).toBe(15);
    expect(rows[0].max).toBe('9223372036854775807');
  });
});
