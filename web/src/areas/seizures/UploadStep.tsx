import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/errors';
import { useLocale } from '../../i18n/useLocale';
import { Notice } from '../../ui/Notice';
import { formatBytes, formatPercent } from './format';
import type { Uploaded } from './model';
import { uploadFile } from './upload';

/** Step 1: pick a file and send it; a progress bar shows the upload. */
export function UploadStep({ onUploaded }: { onUploaded: (u: Uploaded) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setProgress(0);
    abort.current = new AbortController();
    uploadFile(file, setProgress, abort.current.signal).then(onUploaded, (e: unknown) => {
      setProgress(null);
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
    });
  };
  const message = error ? describeError(error) : undefined;
  return (
    <section className="card wizard-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.upload.title')}</h2>
      <p>{t('seizures.upload.help')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('seizures.upload.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,.tsv,.xlsx,.zip,text/csv,application/zip"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            disabled={progress !== null}
          />
        </div>
        {file && (
          <p className="field-hint">
            {t('seizures.upload.chosen', { name: file.name, size: formatBytes(file.size, locale) })}
          </p>
        )}
        {progress !== null && (
          <div className="upload-progress">
            <label htmlFor={`${id}-progress`}>{t('seizures.upload.progress')}</label>
            <progress id={`${id}-progress`} max={1} value={progress} />
            <span>{formatPercent(progress, locale)}</span>
          </div>
        )}
        {message && <Notice tone="error">{t(message.key, message.values)}</Notice>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!file || progress !== null}>
            {t('seizures.upload.send')}
          </button>
          {progress !== null && progress < 1 && (
            <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
              {t('seizures.upload.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
