import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { migrate } from '../platform/db/migrate.js';
import { currentKgTable } from '../reference/convert.js';
import { loadReferenceData } from '../reference/load.js';
import type { Progress } from '../seizures/importer.js';
import { runImport } from '../seizures/importer.js';
import { importForFile } from '../seizures/jobs.js';
import { type Mapping, mappingProblems } from '../seizures/mapping.js';
import { getMapping } from '../seizures/mappings.js';
import { recomputeKg } from '../seizures/recompute.js';
import { rejectionSummary } from '../seizures/report.js';
import { cliActor, print, printJson, withDatabase } from './context.js';

type ProgressMode = 'bar' | 'lines' | 'none';

/**
 * Progress on stderr: a bar redrawn at most every 100 ms (default on a terminal), one line per committed batch
 * (for logs), or nothing (default otherwise).
 */
function progressBar(mode: ProgressMode): { update: (p: Progress) => void; done: () => void } {
  if (mode === 'none') return { update: () => {}, done: () => {} };
  if (mode === 'lines') {
    return {
      update: (p) =>
        process.stderr.write(`progress ${p.rowsRead} rows ${p.bytesRead}/${p.bytesTotal} bytes\n`),
      done: () => {},
    };
  }
  const started = Date.now();
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const fraction = p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const rate = p.rowsRead / Math.max(0.001, (now - started) / 1000);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${p.rowsRead.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s  rejected ${p.counts.rejected}  `,
      );
    },
    done: () => process.stderr.write('\n'),
  };
}

async function resolveMapping(
  db: Parameters<typeof getMapping>[0],
  value: string | undefined,
): Promise<{ mapping: Mapping | null; name: string | null }> {
  if (!value) return { mapping: null, name: null };
  if (existsSync(value) && /\.json$/i.test(value)) {
    const mapping = JSON.parse(readFileSync(value, 'utf8')) as Mapping;
    const problems = mappingProblems(mapping);
    if (problems.length) throw new Error(`mapping file ${value}: ${problems.join('; ')}`);
    return { mapping, name: null };
  }
  const saved = await getMapping(db, value);
  if (!saved) throw new Error(`no saved mapping named "${value}" and no mapping file ${value}`);
  return { mapping: saved.mapping, name: saved.name };
}

export function seizureCommands(program: Command): void {
  program
    .command('import')
    .description('Import data files.')
    .command('seizures')
    .description(
      'Import individual seizures or reported totals from a CSV or XLSX file (or a zip holding one). The UNODC IDS and WDR annex layouts are recognised; other files need --mapping. An interrupted import of the same file resumes where it stopped.',
    )
    .argument('<file>', 'the file to import')
    .option('--mapping <name-or-file>', 'a saved mapping name, or a mapping .json file')
    .option('--json', 'print the report counts as JSON')
    .addOption(
      new Option(
        '--progress <mode>',
        'progress on stderr: bar, one line per batch, or none (default: bar on a terminal)',
      ).choices(['bar', 'lines', 'none']),
    )
    .action((file: string, opts: { mapping?: string; json?: boolean; progress?: ProgressMode }) =>
      withDatabase(async (db, config) => {
        if (!existsSync(file)) throw new Error(`no file ${file}`);
        await migrate(db);
        await loadReferenceData(db);
        const { mapping, name } = await resolveMapping(db, opts.mapping);
        const { imp, resumed } = await importForFile(db, {
          filePath: path.resolve(file),
          fileName: path.basename(file),
          mapping,
          mappingName: name,
          createdBy: cliActor(),
        });
        if (resumed && !opts.json)
          process.stderr.write(`resuming import ${imp.id} after row ${imp.rows_read}\n`);
        const bar = progressBar(opts.progress ?? (process.stderr.isTTY ? 'bar' : 'none'));
        const controller = new AbortController();
        const stop = () => controller.abort();
        process.once('SIGINT', stop);
        let result: Awaited<ReturnType<typeof runImport>>;
        try {
          result = await runImport(db, imp.id, {
            agencyCode: config.agencyCode,
            onProgress: bar.update,
            signal: controller.signal,
          });
        } finally {
          process.off('SIGINT', stop);
          bar.done();
        }
        const counts = {
          importId: result.id,
          status: result.status,
          resumed,
          layout: result.layout,
          kind: result.kind,
          rowsRead: result.rows_read,
          accepted: result.accepted,
          duplicates: result.duplicates,
          rejected: result.rejected,
          alreadyImported: result.already_imported,
          warnings: result.warnings,
        };
        if (opts.json) printJson(counts);
        else {
          print(
            `import ${result.id}: ${result.status} (${result.kind}, layout ${result.layout ?? 'mapped'})`,
          );
          print(`rows read         ${result.rows_read}`);
          print(`accepted          ${result.accepted}`);
          print(`duplicates        ${result.duplicates} (flagged, kept)`);
          print(`rejected          ${result.rejected}`);
          print(`already imported  ${result.already_imported}`);
          for (const r of (await rejectionSummary(db, result.id)).slice(0, 10))
            print(`  ${String(r.count).padStart(7)}  ${r.field}: ${r.reason}`);
          if (result.status === 'running') print('stopped; run the same command again to resume');
        }
        if (result.status !== 'done') process.exitCode = 1;
      }),
    );

  program
    .command('seizures')
    .description('Seizure data tools.')
    .command('recompute')
    .description(
      'Convert again the seizures and reported totals converted with an older kilogram-equivalent table, and rebuild the statistics rollups.',
    )
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withDatabase(async (db) => {
        await migrate(db);
        await loadReferenceData(db);
        const result = await recomputeKg(db, currentKgTable());
        if (opts.json) printJson(result);
        else
          print(
            `table ${result.table}: ${result.seizures} seizures and ${result.reportedTotals} reported totals converted again`,
          );
      }),
    );
}
