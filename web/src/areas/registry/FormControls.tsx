import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { Field } from '../../ui/Field';
import { SelectField } from './FormBits';
import { emptyRow, type Row, type RowsSpec, type Scalar, type ScalarSpec } from './formSpec';
import { REGISTRY_API } from './model';
import type { RefOptions } from './useRefOptions';

interface ScalarProps {
  spec: ScalarSpec;
  value: Scalar;
  onChange: (value: Scalar) => void;
  error?: string;
  disabled?: boolean;
  refs: RefOptions;
}

/** One field of a registry form, drawn as its description says. */
export function ScalarControl({ spec, value, onChange, error, disabled, refs }: ScalarProps) {
  const { t } = useTranslation();
  const label = t(spec.label);
  const hint = spec.hint ? t(spec.hint) : undefined;
  const text = typeof value === 'string' ? value : '';
  const onText = (e: { target: { value: string } }) => onChange(e.target.value);
  switch (spec.control) {
    case 'bool':
      return <CheckField label={label} checked={value === true} onChange={onChange} error={error} />;
    case 'select': {
      const options = spec.options.map((o) => ({ value: o, label: spec.labels[o] ? t(spec.labels[o]) : o }));
      return (
        <SelectField
          label={label}
          value={text}
          onChange={onText}
          error={error}
          disabled={disabled}
          options={spec.optional ? [{ value: '', label: t('registry.edit.none') }, ...options] : options}
        />
      );
    }
    case 'ref':
      return (
        <SelectField
          label={label}
          value={text}
          onChange={onText}
          error={error}
          disabled={disabled}
          options={withCurrent([{ value: '', label: t('registry.edit.none') }, ...refs[spec.ref]], text)}
        />
      );
    case 'file':
      return <FileField label={label} value={text} onChange={onChange} error={error} />;
    case 'text':
      if (spec.long)
        return <TextAreaField label={label} lang={spec.lang} value={text} onChange={onText} error={error} />;
      return (
        <Field
          label={label}
          hint={hint}
          lang={spec.lang}
          value={text}
          maxLength={spec.maxLength}
          disabled={disabled}
          onChange={onText}
          error={error}
        />
      );
    default:
      return (
        <Field
          label={label}
          hint={hint}
          type={spec.control === 'date' ? 'date' : spec.control === 'number' ? 'number' : 'text'}
          step={spec.control === 'number' ? (spec.integer ? 1 : 'any') : undefined}
          inputMode={spec.control === 'number' ? (spec.integer ? 'numeric' : 'decimal') : undefined}
          value={text}
          disabled={disabled}
          onChange={onText}
          error={error}
        />
      );
  }
}

/** A stored value that is not (or not yet) among the options stays selectable, shown as stored. */
function withCurrent(options: { value: string; label: string }[], current: string) {
  return current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label: current }]
    : options;
}

function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  error?: string;
}) {
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className="field field-check">
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={errorId}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

function TextAreaField(props: {
  label: string;
  lang?: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLTextAreaElement>) => void;
  error?: string;
}) {
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
      <textarea
        id={id}
        lang={props.lang}
        rows={3}
        value={props.value}
        aria-describedby={errorId}
        aria-invalid={props.error ? true : undefined}
        onChange={props.onChange}
      />
    </div>
  );
}

/** Uploads the chosen document to the node (content-addressed) and keeps its sha256. */
function FileField(props: { label: string; value: string; onChange: (sha: string) => void; error?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [state, setState] = useState<string | null>(null);
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setState(t('registry.edit.uploading'));
    const response = await fetch(`${REGISTRY_API}/files?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
      body: file,
    }).catch(() => null);
    const answer = (await response?.json().catch(() => null)) as {
      sha256?: string;
      sizeBytes?: number;
      detail?: string;
    } | null;
    if (response?.ok && answer?.sha256) {
      props.onChange(answer.sha256);
      setState(t('registry.edit.uploaded', { size: formatNumber(answer.sizeBytes ?? 0, locale) }));
    } else setState(answer?.detail ?? t('errors.unexpected'));
  };
  const stateId = `${id}-state`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.error && <p className="field-error">{props.error}</p>}
      <input id={id} type="file" aria-describedby={stateId} onChange={upload} />
      <p id={stateId} className="field-hint" aria-live="polite">
        {state ??
          (props.value ? (
            <a href={`${REGISTRY_API}/files/${props.value}`}>{t('registry.edit.storedFile')}</a>
          ) : null)}
      </p>
    </div>
  );
}

interface RowsProps {
  spec: RowsSpec;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  errorOf: (path: string) => string | undefined;
  refs: RefOptions;
}

/** A list of items (parties, funding, sessions ...), each a small group of fields, with add and remove. */
export function RowsControl({ spec, rows, onChange, errorOf, refs }: RowsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = t(spec.label);
  const setCell = (i: number, key: string, value: Scalar) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
  const listError = errorOf(spec.key);
  return (
    <fieldset className="form-rows">
      <legend>{label}</legend>
      {listError && <p className="field-error">{listError}</p>}
      {rows.map((row, i) => {
        const itemLabel = t('registry.edit.item', { what: label, n: formatNumber(i + 1, locale) });
        const rowError = errorOf(`${spec.key}/${i}`);
        return (
          // Items have no identity of their own; their position is what the node's errors name.
          // biome-ignore lint/suspicious/noArrayIndexKey: positions are the items' identity here
          <fieldset key={i} className="form-row" aria-label={itemLabel}>
            {rowError && <p className="field-error">{rowError}</p>}
            {spec.columns.map((column) => (
              <ScalarControl
                key={column.key}
                spec={column}
                value={row[column.key] ?? ''}
                onChange={(v) => setCell(i, column.key, v)}
                error={spec.scalar ? undefined : errorOf(`${spec.key}/${i}/${column.key}`)}
                refs={refs}
              />
            ))}
            <button
              type="button"
              className="secondary"
              aria-label={t('registry.edit.removeItem', { what: itemLabel })}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('registry.edit.remove')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...rows, emptyRow(spec)])}>
        {t(spec.add)}
      </button>
    </fieldset>
  );
}
