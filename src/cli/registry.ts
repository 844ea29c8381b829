import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { loadDemoRegistry } from '../registry/demo.js';
import {
  describeRowError,
  exportCsv,
  exportJson,
  exportRegistry,
  ImportFailed,
  importRegistry,
  parseCsvImport,
  parseJsonImport,
} from '../registry/transfer.js';
import { cliActor, print, withDatabase } from './context.js';

/** `liaison registry export|import|load-demo`: the cooperation registry as JSON or CSV files. */
export function registerRegistryCommands(program: Command): void {
  const registry = program
    .command('registry')
    .description('Cooperation registry: export, import, demo data.');

  registry
    .command('export')
    .description(
      'Export the registry (live records and exchange rates) as JSON or CSV; ids and timestamps are left out.',
    )
    .addOption(new Option('--format <format>', 'file format').choices(['json', 'csv']).default('json'))
    .option('--out <file>', 'write to this file instead of standard output')
    .action((opts: { format: 'json' | 'csv'; out?: string }) =>
      withDatabase(async (db) => {
        const data = await exportRegistry(db);
        const text = opts.format === 'csv' ? exportCsv(data) : exportJson(data);
        if (opts.out) {
          await writeFile(opts.out, text);
          process.stderr.write(
            `liaison: ${data.records.length} records and ${data.exchangeRates.length} rates written to ${opts.out}\n`,
          );
        } else process.stdout.write(text);
      }),
    );

  registry
    .command('import')
    .description(
      'Import a registry export (JSON or CSV) as records of this node. Every row is checked; if any is invalid, nothing is written.',
    )
    .argument('<file>', 'a file written by `liaison registry export`')
    .addOption(
      new Option('--format <format>', 'file format (default: from the file name)').choices(['json', 'csv']),
    )
    .action((file: string, opts: { format?: 'json' | 'csv' }) =>
      withDatabase(async (db, config) => {
        const text = await readFile(file, 'utf8');
        const format = opts.format ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'json');
        try {
          const rows = format === 'csv' ? parseCsvImport(text) : parseJsonImport(text);
          const counts = await importRegistry(db, rows, { actor: cliActor(), origin: config.agencyCode });
          print(
            `imported: ${
              Object.entries(counts)
                .map(([k, n]) => `${n} ${k}`)
                .join(', ') || 'nothing'
            }`,
          );
        } catch (error) {
          if (!(error instanceof ImportFailed)) throw error;
          for (const e of error.errors) process.stderr.write(`${file}: ${describeRowError(e)}\n`);
          process.stderr.write(
            `liaison: ${error.errors.length} problem(s) in ${file}; nothing was imported\n`,
          );
          process.exitCode = 1;
        }
      }),
    );

  registry
    .command('load-demo')
    .description(
      'Load the demo data set (facts from public reporting, marked demo) if the registry is empty.',
    )
    .action(() =>
      withDatabase(async (db, config) => {
        print(
          (await loadDemoRegistry(db, config.agencyCode))
            ? 'demo data loaded'
            : 'the registry is not empty; nothing loaded',
        );
      }),
    );
}
