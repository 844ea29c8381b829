import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { describeError } from '../../api/errors';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { SelectField } from './FormBits';
import {
  COMMITMENT_STATUS_NAMES,
  COMMITMENT_STATUSES,
  errorsByField,
  REGISTRY_API,
  type RegistryRecord,
} from './model';

/** Records a new status of a commitment with an optional note; the node adds it to the status history. */
export function CommitmentStatusForm({
  commitment,
  onRecorded,
}: {
  commitment: RegistryRecord;
  onRecorded: (changed: RegistryRecord) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(String(commitment.status ?? 'open'));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const changed = await api<RegistryRecord>(`${REGISTRY_API}/commitments/${commitment.id}/status`, {
        method: 'POST',
        body: { status, ...(note.trim() ? { note: note.trim() } : {}), expectedVersion: commitment.version },
      });
      setNote('');
      setMessage({ tone: 'info', text: t('registry.status.recorded') });
      onRecorded(changed);
    } catch (error) {
      const byField =
        error instanceof ApiError && error.status === 400
          ? errorsByField(error.problem, ['status', 'note'])
          : {};
      setErrors(byField);
      const described = describeError(error);
      setMessage({
        tone: 'error',
        text: Object.keys(byField).length ? t('registry.edit.invalid') : t(described.key, described.values),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="commitment-status-title">
      <h2 id="commitment-status-title">{t('registry.status.title')}</h2>
      <form className="registry-form" onSubmit={submit} noValidate>
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        {errors['']?.map((m) => (
          <p key={m} className="field-error">
            {m}
          </p>
        ))}
        <SelectField
          label={t('registry.status.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          error={errors.status?.join('; ')}
          options={COMMITMENT_STATUSES.map((s) => ({
            value: s,
            label: t(COMMITMENT_STATUS_NAMES[s] ?? 'registry.commitmentStatus.open'),
          }))}
        />
        <Field
          label={t('registry.status.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.note?.join('; ')}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('registry.status.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
