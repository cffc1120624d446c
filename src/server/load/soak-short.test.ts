/**
 * The soak in short (bench/soak.bench.ts is the long one): 200 live clients, 20 delegates
 * writing 10 changes a second for 15 s — on two server processes sharing Postgres when
 * TEST_DATABASE_URL is set (so changes cross processes through LISTEN/NOTIFY), else on one
 * process on PGlite. Bounds are generous because CI runs many test files at once on 2 cores;
 * what must hold exactly: no error, every change reaches every client once and in order.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from './soak.ts';

const postgres = process.env.TEST_DATABASE_URL ?? null;

describe('soak (short)', () => {
  it(`delivers every change to every client, without errors, memory bounded (${postgres ? 'two processes on Postgres' : 'PGlite'})`, { timeout: 120_000 }, async () => {
    const result = await runSoak({
      clients: 200,
      writers: 20,
      seconds: 15,
      // Enough writes at once for the two processes to contend for the log's lock: at this rate
      // a stale version read under that lock showed as 500s within seconds.
      perSecond: 30,
      processes: postgres ? 2 : 1,
      clientProcesses: 1,
      adminDatabaseUrl: postgres,
      entry: 'source',
      warmupSeconds: 5,
    });
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.clients).toBe(200);
    expect(result.writesAcknowledged).toBe(result.writesSent);
    expect(result.writesSent).toBe(450);
    // At least one version per write; every client got every one of them.
    expect(result.expectedDeliveries).toBeGreaterThanOrEqual(200 * 450);
    expect(result.deliveries).toBe(result.expectedDeliveries);
    expect(result.deliveryFromSend.count).toBe(result.deliveries);
    expect(result.deliveryFromSend.p99Ms).toBeLessThan(2_000);
    for (const process of result.memory) {
      expect(process.maxGrowthPct).toBeLessThan(50);
      // The heap probe was loaded into each server and heard its collections (start-up makes some).
      expect(process.heap?.majorCollections).toBeGreaterThan(0);
    }
  });
});
