import { EventEmitter } from 'node:events';
import type { AppContext } from '../platform/context.js';
import { keepStatistics } from '../platform/db/statistics.js';
import { partnerRequest } from './client.js';
import { type DispatchResult, dispatchOnce } from './dispatch.js';
import { activeSigner } from './local-keys.js';
import { findPartner } from './partners.js';
import { type PullReport, pullPartner } from './pull.js';
import { nextPullDelay } from './schedule.js';
import { startVerifyThreads } from './verify-pool.js';

// The columns the outbox's and the sealed envelopes' lookups filter on; their payloads and envelopes are left out
// of the statistics (see keepStatistics).
const OUTBOX_KEYS = {
  record_changes: ['seq', 'record_type', 'record_id', 'origin', 'version'],
  federation_envelopes: ['kind', 'change_seq', 'origin', 'record_type', 'record_id', 'version'],
};

// The workers of a serving node: the dispatcher (outbox → feeds, polled every DISPATCH_POLL_MS), one pull worker per
// active partner (regular interval, back-off on failure, woken at once by a partner's signed "something new"
// notice), and the notices this node sends when a partner's feed grew. Pulls of one partner never overlap.

export const DISPATCH_POLL_MS = 100;
const PARTNER_REFRESH_MS = 30_000;
const NOTICE_TIMEOUT_MS = 3000;
const MAX_DISPATCH_STEPS = 200;

export interface FederationEvents {
  applied: [report: PullReport];
  dispatched: [result: { entries: number; partners: string[] }];
}

export class FederationService {
  readonly events = new EventEmitter<FederationEvents>();
  private started = false;
  private stopping = false;
  private dispatchTimer: NodeJS.Timeout | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private dispatching: Promise<number> | undefined;
  private readonly pullTimers = new Map<string, NodeJS.Timeout>();
  private readonly pulls = new Map<string, Promise<PullReport>>();
  private readonly notices = new Map<string, { inFlight: boolean; again: boolean }>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(readonly ctx: AppContext) {}

  private get self() {
    return this.ctx.config.agencyCode;
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    promise.finally(() => this.pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  get running(): boolean {
    return this.started && !this.stopping;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    startVerifyThreads(this.ctx.config.verifyThreads);
    this.scheduleDispatch(0);
    void this.refreshPartners();
    this.refreshTimer = setInterval(() => void this.refreshPartners(), PARTNER_REFRESH_MS);
    this.refreshTimer.unref();
  }

  async stop(): Promise<void> {
    if (!this.started || this.stopping) return;
    this.stopping = true;
    clearTimeout(this.dispatchTimer);
    clearInterval(this.refreshTimer);
    for (const timer of this.pullTimers.values()) clearTimeout(timer);
    this.pullTimers.clear();
    await Promise.allSettled([...this.pending]);
  }

  /** Runs the dispatcher until it has nothing left; the notices go out. Returns the feed entries appended. */
  dispatchNow(): Promise<number> {
    // A caller arriving during a run waits for it, whatever its outcome, then runs its own (its changes may be newer).
    if (this.dispatching)
      return this.dispatching.then(
        () => this.dispatchNow(),
        () => this.dispatchNow(),
      );
    const run = (async () => {
      let entries = 0;
      try {
        for (let step = 0; step < MAX_DISPATCH_STEPS; step++) {
          const result: DispatchResult = await dispatchOnce(this.ctx.db, this.self, (tx) =>
            activeSigner(tx, this.ctx.config.dataDir, this.self),
          );
          entries += result.entries;
          await keepStatistics(
            this.ctx.db,
            {
              record_changes: result.changes,
              federation_envelopes: result.changes,
              federation_feed: result.entries,
              federation_sent: result.entries,
            },
            OUTBOX_KEYS,
          );
          if (result.partners.size) {
            // Partners hear of every step at once (a long backlog streams instead of arriving at the end).
            this.events.emit('dispatched', { entries: result.entries, partners: [...result.partners] });
            if (this.running) for (const agency of result.partners) this.notify(agency);
          }
          if (!result.more || result.busy) break;
          // Let waiting requests (partners pulling what was just sealed) reach the database between steps.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        this.dispatching = undefined;
      }
      return entries;
    })();
    this.dispatching = run;
    return this.track(run);
  }

  private scheduleDispatch(delay: number): void {
    if (this.stopping) return;
    this.dispatchTimer = setTimeout(async () => {
      try {
        await this.dispatchNow();
      } catch (error) {
        if (!this.stopping) this.ctx.log.error({ err: error }, 'federation dispatch failed');
      }
      this.scheduleDispatch(DISPATCH_POLL_MS);
    }, delay);
  }

  /** Pulls a partner now (after any pull of it in progress); the result is reported, failures thrown. */
  pullNow(agency: string): Promise<PullReport> {
    const previous = this.pulls.get(agency);
    const run: Promise<PullReport> = (async () => {
      if (previous) await previous.catch(() => undefined);
      const report = await pullPartner(
        { db: this.ctx.db, self: this.self, dataDir: this.ctx.config.dataDir, log: this.ctx.log },
        agency,
      );
      if (report.applied || report.quarantined) this.events.emit('applied', report);
      return report;
    })();
    this.pulls.set(agency, run);
    run
      .finally(() => {
        if (this.pulls.get(agency) === run) this.pulls.delete(agency);
      })
      .catch(() => undefined);
    return this.track(run);
  }

  /** A partner said it has something new (or was just confirmed): pull it at once. */
  wake(agency: string): void {
    if (this.running) this.schedulePull(agency, 0);
  }

  /** A partner was removed: its pull timer stops (a pull in progress ends on its own). */
  forget(agency: string): void {
    clearTimeout(this.pullTimers.get(agency));
    this.pullTimers.delete(agency);
    this.notices.delete(agency);
  }

  private schedulePull(agency: string, delay: number): void {
    if (!this.running) return;
    clearTimeout(this.pullTimers.get(agency));
    const timer = setTimeout(() => void this.runPull(agency), delay);
    timer.unref();
    this.pullTimers.set(agency, timer);
  }

  private async runPull(agency: string): Promise<void> {
    this.pullTimers.delete(agency);
    if (!this.running) return;
    const partner = await findPartner(this.ctx.db, agency).catch(() => undefined);
    if (partner?.state !== 'active' || !partner.endpoint) return;
    const settings = await this.ctx.db.query<{ pull_interval_seconds: number }>(
      'select pull_interval_seconds from federation_settings',
    );
    const intervalMs = (settings.rows[0]?.pull_interval_seconds ?? 300) * 1000;
    try {
      const report = await this.pullNow(agency);
      this.schedulePull(agency, report.more ? 0 : intervalMs);
    } catch (error) {
      if (!this.running) return;
      const { rows } = await this.ctx.db.query<{ failures: number }>(
        'select failures from federation_sync where partner_id = $1',
        [partner.id],
      );
      const delay = nextPullDelay(Math.max(1, rows[0]?.failures ?? 1), intervalMs, Math.random());
      this.ctx.log.warn(
        { partner: agency, retryInMs: delay, err: error instanceof Error ? error.message : String(error) },
        'pull failed',
      );
      this.schedulePull(agency, delay);
    }
  }

  private async refreshPartners(): Promise<void> {
    if (!this.running) return;
    try {
      const { rows } = await this.ctx.db.query<{ agency_code: string }>(
        "select agency_code from federation_partners where state = 'active' and endpoint is not null",
      );
      for (const r of rows)
        if (!this.pullTimers.has(r.agency_code) && !this.pulls.has(r.agency_code))
          this.schedulePull(r.agency_code, 0);
    } catch (error) {
      if (this.running) this.ctx.log.error({ err: error }, 'federation partner refresh failed');
    }
  }

  /** Sends a signed "something new" notice to a partner (coalesced: one in flight, one more queued at most). */
  notify(agency: string): void {
    const state = this.notices.get(agency) ?? { inFlight: false, again: false };
    this.notices.set(agency, state);
    if (state.inFlight) {
      state.again = true;
      return;
    }
    state.inFlight = true;
    const send = async () => {
      try {
        const partner = await findPartner(this.ctx.db, agency);
        if (!partner?.endpoint || partner.state !== 'active') return;
        const signer = await activeSigner(this.ctx.db, this.ctx.config.dataDir, this.self);
        const response = await partnerRequest(
          signer,
          { agency, endpoint: partner.endpoint },
          'POST',
          'api/v1/federation/notice',
          {},
          NOTICE_TIMEOUT_MS,
        );
        if (response.status >= 300)
          this.ctx.log.debug({ partner: agency, status: response.status }, 'notice refused');
      } catch (error) {
        this.ctx.log.debug(
          { partner: agency, err: error instanceof Error ? error.message : String(error) },
          'notice not delivered',
        );
      } finally {
        state.inFlight = false;
        if (state.again && this.running) {
          state.again = false;
          this.notify(agency);
        }
      }
    };
    void this.track(send());
  }

  /** After a key rotation: tell every partner, which then fetches the new key's statement. */
  announce(): void {
    void this.ctx.db
      .query<{ agency_code: string }>(
        "select agency_code from federation_partners where state = 'active' and endpoint is not null",
      )
      .then(({ rows }) => {
        for (const r of rows) this.notify(r.agency_code);
      })
      .catch(() => undefined);
  }
}
