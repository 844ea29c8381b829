import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, LOG_LEVELS, loadConfig, redactUrl, VARIABLES } from './config.js';

/** The ConfigError that loading `env` throws; fails the test when loading succeeds or throws something else. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/liaison');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('uses documented defaults when nothing is set', () => {
    expect(loadConfig({}, '/srv/liaison')).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/liaison', 'data'),
      databaseUrl: undefined,
      agencyCode: 'DEMO',
      agencyName: 'Demonstration Narcotics Bureau',
      agencyCountry: undefined,
      adminPassword: undefined,
      logLevel: 'info',
      bodyLimitBytes: 1_048_576,
      sessionTtlMinutes: 720,
      sessionIdleMinutes: 60,
      loginMaxFailures: 5,
      cookieSecure: false,
      demoData: true,
      verifyThreads: undefined,
    });
  });

  it('documents a default for every variable that matches what loadConfig uses', () => {
    const defaults = loadConfig({}, '/srv/liaison');
    const doc = Object.fromEntries(VARIABLES.map((v) => [v.name, v.default]));
    expect(doc.PORT).toBe(String(defaults.port));
    expect(doc.HOST).toBe(defaults.host);
    expect(doc.LOG_LEVEL).toBe(defaults.logLevel);
    expect(doc.LIAISON_AGENCY_CODE).toBe(defaults.agencyCode);
    expect(doc.LIAISON_BODY_LIMIT).toBe(String(defaults.bodyLimitBytes));
    expect(doc.LIAISON_SESSION_TTL_MINUTES).toBe(String(defaults.sessionTtlMinutes));
    expect(doc.LIAISON_SESSION_IDLE_MINUTES).toBe(String(defaults.sessionIdleMinutes));
    expect(doc.LIAISON_LOGIN_MAX_FAILURES).toBe(String(defaults.loginMaxFailures));
    expect(doc.LIAISON_COOKIE_SECURE).toBe(String(defaults.cookieSecure));
  });

  it('reads every variable, trimming whitespace and resolving the data folder against the working directory', () => {
    const config = loadConfig(
      {
        PORT: ' 0 ',
        HOST: '0.0.0.0',
        LIAISON_DATA_DIR: 'var/node',
        DATABASE_URL: 'postgresql://liaison@db:5432/liaison',
        LIAISON_AGENCY_CODE: 'CN-NNCC',
        LIAISON_AGENCY_NAME: 'National Narcotics Control Commission',
        LIAISON_AGENCY_COUNTRY: 'cn',
        LIAISON_ADMIN_PASSWORD: 'twelve chars!',
        LOG_LEVEL: 'DEBUG',
        LIAISON_BODY_LIMIT: '2048',
        LIAISON_SESSION_TTL_MINUTES: '30',
        LIAISON_SESSION_IDLE_MINUTES: '5',
        LIAISON_LOGIN_MAX_FAILURES: '3',
        LIAISON_COOKIE_SECURE: 'yes',
        LIAISON_VERIFY_THREADS: '3',
      },
      '/srv/liaison',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/srv/liaison/var/node',
      databaseUrl: 'postgresql://liaison@db:5432/liaison',
      agencyCode: 'CN-NNCC',
      agencyCountry: 'CN',
      adminPassword: 'twelve chars!',
      logLevel: 'debug',
      bodyLimitBytes: 2048,
      sessionTtlMinutes: 30,
      sessionIdleMinutes: 5,
      loginMaxFailures: 3,
      cookieSecure: true,
      verifyThreads: 3,
    });
  });

  it('treats an empty LIAISON_ADMIN_PASSWORD as unset (a one-time password is generated)', () => {
    expect(loadConfig({ LIAISON_ADMIN_PASSWORD: '' }).adminPassword).toBeUndefined();
  });

  it.each([
    ['1', true],
    ['TRUE', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['No', false],
    ['off', false],
  ])('reads the boolean %j as %s', (raw, expected) => {
    expect(loadConfig({ LIAISON_COOKIE_SECURE: raw }).cookieSecure).toBe(expected);
  });

  it.each(LOG_LEVELS)('accepts LOG_LEVEL=%s', (level) => {
    expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
  });

  const long = (n: number, c: string) => c.repeat(n);
  const badValues: [string, string, RegExp][] = [
    ['PORT', 'eighty', /whole number/],
    ['PORT', '65536', /between 0 and 65535/],
    ['PORT', '-1', /whole number/],
    ['PORT', '80.5', /whole number/],
    ['PORT', '1e3', /whole number/],
    ['DATABASE_URL', 'mysql://root@localhost/liaison', /postgres:\/\//],
    ['DATABASE_URL', 'not a url', /not a valid URL/],
    ['DATABASE_URL', 'http://db:5432/liaison', /postgres:\/\//],
    ['LIAISON_AGENCY_CODE', 'nncc', /A-Z, 0-9 and hyphen/],
    ['LIAISON_AGENCY_CODE', 'X', /2-32 characters/],
    ['LIAISON_AGENCY_CODE', '-NNCC', /A-Z, 0-9 and hyphen/],
    ['LIAISON_AGENCY_CODE', 'CN NNCC', /A-Z, 0-9 and hyphen/],
    ['LIAISON_AGENCY_CODE', long(33, 'A'), /2-32 characters/],
    ['LIAISON_AGENCY_COUNTRY', 'CHN', /alpha-2/],
    ['LIAISON_AGENCY_NAME', long(201, 'N'), /at most 200/],
    ['LIAISON_ADMIN_PASSWORD', 'short', /at least 12 characters/],
    ['LIAISON_ADMIN_PASSWORD', '   ', /at least 12 characters/],
    ['LOG_LEVEL', 'verbose', /must be one of fatal, error/],
    ['LIAISON_BODY_LIMIT', '100', /between 1024 and/],
    ['LIAISON_SESSION_TTL_MINUTES', '0', /between 1 and/],
    ['LIAISON_SESSION_IDLE_MINUTES', 'an hour', /whole number/],
    ['LIAISON_LOGIN_MAX_FAILURES', '0', /between 1 and 100/],
    ['LIAISON_LOGIN_MAX_FAILURES', '101', /between 1 and 100/],
    ['LIAISON_COOKIE_SECURE', 'maybe', /true or false/],
    ['LIAISON_COOKIE_SECURE', 'y', /true or false/],
    ['LIAISON_VERIFY_THREADS', '0', /between 1 and 16/],
    ['LIAISON_VERIFY_THREADS', 'all', /whole number/],
  ];
  it.each(
    badValues.map(([variable, value, message]) => ({
      variable,
      value,
      message,
      shown: value.length > 32 ? `${value.length} characters long` : JSON.stringify(value),
    })),
  )('stops with a ConfigError naming $variable when it is $shown', ({ variable, value, message }) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('names the bad value in the message so the operator can find it', () => {
    expect(configError({ PORT: 'eighty' }).message).toContain('"eighty"');
    expect(configError({ LIAISON_COOKIE_SECURE: 'maybe' }).message).toContain('"maybe"');
  });

  it('never repeats a rejected admin password in the error', () => {
    expect(configError({ LIAISON_ADMIN_PASSWORD: 'hunter2' }).message).not.toContain('hunter2');
  });

  it('never repeats a DATABASE_URL with a password in the error', () => {
    const error = configError({ DATABASE_URL: 'mysql://root:s3cr3t@localhost/liaison' });
    expect(error.message).not.toContain('s3cr3t');
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps everything else', () => {
    const redacted = redactUrl('postgres://liaison:s3cr3t@db.example:5432/liaison?sslmode=require');
    expect(redacted).not.toContain('s3cr3t');
    expect(redacted).toBe('postgres://liaison:***@db.example:5432/liaison?sslmode=require');
  });

  it('hides a password given as a query parameter, which the PostgreSQL client also accepts', () => {
    const redacted = redactUrl(
      'postgres://liaison@db:5432/liaison?password=s3cr3t&sslpassword=k3y&sslmode=require',
    );
    expect(redacted).not.toContain('s3cr3t');
    expect(redacted).not.toContain('k3y');
    expect(redacted).toContain('sslmode=require');
  });

  it('hides a password with characters that need escaping', () => {
    const redacted = redactUrl('postgres://liaison:p%40ss%3Aw0rd@db/liaison');
    expect(redacted).not.toContain('w0rd');
    expect(redacted).not.toContain('p%40ss');
  });

  it('leaves a URL without a password unchanged', () => {
    expect(redactUrl('postgres://liaison@db:5432/liaison')).toBe('postgres://liaison@db:5432/liaison');
  });

  it('does not echo an unparseable URL, which may hold a password', () => {
    expect(redactUrl('user=liaison password=s3cr3t host=db')).toBe('(unparseable URL)');
  });
});
