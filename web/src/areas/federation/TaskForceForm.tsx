import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { describeError } from '../../api/errors';
import { Notice } from '../../ui/Notice';
import { RowsControl, ScalarControl } from '../registry/FormControls';
import type { Row, RowsSpec, ScalarSpec } from '../registry/formSpec';
import { useNodeText } from '../registry/useNodeText';
import type { RefOptions } from '../registry/useRefOptions';
import '../registry/registry-forms.css';
import { FEDERATION_API, type TaskForce } from './model';
import {
  DUPLICATE_MEMBERSHIP,
  type MemberDraft,
  type TaskForceDraft,
  taskForceBody,
  taskForceDraft,
  taskForceErrors,
  taskForceProblems,
} from './taskForceForm';

// The registry's form controls draw the fields; the node's field errors land on them by their paths.
const CODE: ScalarSpec = {
  control: 'text',
  upper: true,
  maxLength: 32,
  key: 'code',
  label: 'federation.taskForces.code',
  hint: 'federation.taskForces.codeHint',
};
const NAME: ScalarSpec = {
  control: 'text',
  maxLength: 200,
  key: 'name',
  label: 'federation.taskForces.name',
};
const MEMBERS: RowsSpec = {
  control: 'rows',
  key: 'members',
  label: 'federation.taskForces.members',
  add: 'federation.taskForces.addMember',
  columns: [
    {
      control: 'text',
      upper: true,
      key: 'agency',
      label: 'federation.taskForces.agency',
      hint: 'federation.taskForces.agencyHint',
    },
    { control: 'date', key: 'joinedOn', label: 'federation.taskForces.joinedOn' },
    {
      control: 'date',
      key: 'leftOn',
      label: 'federation.taskForces.leftOn',
      hint: 'federation.taskForces.leftOnHint',
    },
  ],
};
const NO_REFS: RefOptions = { agencies: [], mechanisms: [], agreements: [], meetings: [] };

/** Creates a task force or replaces one with its members (administrators); the node re-evaluates its records. */
export function TaskForceForm({
  taskForce,
  onSaved,
  onCancel,
}: {
  taskForce?: TaskForce;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const nodeText = useNodeText();
  const [draft, setDraft] = useState<TaskForceDraft>(() => taskForceDraft(taskForce));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const say = (message: string) =>
    message === DUPLICATE_MEMBERSHIP ? t('federation.taskForces.duplicate') : nodeText(message);
  const errorOf = (path: string) => (errors[path] ?? []).map(say).join('; ') || undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFailure(null);
    const local = taskForceProblems(draft);
    if (local.length) {
      setErrors(taskForceErrors({ title: '', status: 400, errors: local }, draft));
      setFailure(t('federation.taskForces.invalid'));
      return;
    }
    const code = draft.code.trim().toUpperCase();
    setBusy(true);
    try {
      await api<void>(`${FEDERATION_API}/task-forces/${encodeURIComponent(code || '-')}`, {
        method: 'PUT',
        body: taskForceBody(draft),
      });
      onSaved();
    } catch (error) {
      const byField =
        error instanceof ApiError && error.status === 400 ? taskForceErrors(error.problem, draft) : {};
      setErrors(byField);
      const message = describeError(error);
      setFailure(
        Object.keys(byField).length ? t('federation.taskForces.invalid') : t(message.key, message.values),
      );
      setBusy(false);
    }
  };

  const title = taskForce
    ? t('federation.taskForces.editTitle', { code: taskForce.code })
    : t('federation.taskForces.newTitle');
  return (
    <form
      className="registry-form record-form fed-task-force-form"
      onSubmit={submit}
      noValidate
      aria-label={title}
    >
      <h3>{title}</h3>
      {failure && <Notice tone="error">{failure}</Notice>}
      {errors['']?.map((m) => (
        <p key={m} className="field-error">
          {say(m)}
        </p>
      ))}
      <ScalarControl
        spec={CODE}
        value={draft.code}
        onChange={(v) => setDraft((d) => ({ ...d, code: String(v) }))}
        error={errorOf('code')}
        disabled={taskForce !== undefined}
        refs={NO_REFS}
      />
      <ScalarControl
        spec={NAME}
        value={draft.name}
        onChange={(v) => setDraft((d) => ({ ...d, name: String(v) }))}
        error={errorOf('name')}
        refs={NO_REFS}
      />
      <RowsControl
        spec={MEMBERS}
        rows={draft.members as unknown as Row[]}
        onChange={(rows) => setDraft((d) => ({ ...d, members: rows as unknown as MemberDraft[] }))}
        errorOf={errorOf}
        refs={NO_REFS}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('federation.taskForces.saving') : t('federation.taskForces.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('federation.common.cancel')}
        </button>
      </div>
    </form>
  );
}
