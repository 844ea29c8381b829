import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { ActionError, HANDLING_NAMES, useAction } from './Common';
import { FEDERATION_API, type Handling, type Policy } from './model';

const HANDLINGS: Handling[] = ['H0', 'H1', 'H2', 'H3'];

/** "MM, th ,LA" → ["MM", "TH", "LA"]: codes as the node spells them, without repeats. */
export const codes = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
  ),
];

/** Changes the default policy of one record type (administrators). */
export function PolicyForm({ type, policy, onSaved }: { type: string; policy: Policy; onSaved: () => void }) {
  const { t } = useTranslation();
  const [handling, setHandling] = useState<Handling>(policy.handling);
  const [handlingText, setText] = useState(policy.handlingText ?? '');
  const [agencies, setAgencies] = useState(policy.audience.agencies.join(', '));
  const [mechanisms, setMechanisms] = useState(policy.audience.mechanisms.join(', '));
  const [taskForces, setTaskForces] = useState(policy.audience.taskForces.join(', '));
  const [onward, setOnward] = useState(policy.onwardSharing);
  const action = useAction((body: Policy) =>
    api<void>(`${FEDERATION_API}/types/${type}/policy`, { method: 'PUT', body }).then(() => true),
  );
  // Onward sharing is allowed only under H0 and H1: the box is off and disabled otherwise.
  const onwardPossible = handling === 'H0' || handling === 'H1';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Policy = {
      handling,
      handlingText: handling === 'H3' ? handlingText.trim() : null,
      audience: { agencies: codes(agencies), mechanisms: codes(mechanisms), taskForces: codes(taskForces) },
      onwardSharing: onwardPossible && onward,
    };
    if (await action.go(body)) onSaved();
  };
  const id = `fed-policy-${type.replace(/\W/g, '-')}`;
  return (
    <form onSubmit={submit} className="fed-policy-form">
      <div className="field">
        <label htmlFor={`${id}-handling`}>{t('federation.banner.handling')}</label>
        <select
          id={`${id}-handling`}
          value={handling}
          onChange={(e) => setHandling(e.target.value as Handling)}
        >
          {HANDLINGS.map((h) => (
            <option key={h} value={h}>
              {h} — {t(HANDLING_NAMES[h])}
            </option>
          ))}
        </select>
      </div>
      {handling === 'H3' && (
        <Field
          label={t('federation.defaults.h3Text')}
          value={handlingText}
          onChange={(e) => setText(e.target.value)}
          required
        />
      )}
      <Field
        label={t('federation.defaults.agencies')}
        hint={t('federation.defaults.codesHint')}
        value={agencies}
        onChange={(e) => setAgencies(e.target.value)}
      />
      <Field
        label={t('federation.defaults.mechanisms')}
        value={mechanisms}
        onChange={(e) => setMechanisms(e.target.value)}
      />
      <Field
        label={t('federation.defaults.taskForces')}
        value={taskForces}
        onChange={(e) => setTaskForces(e.target.value)}
      />
      <div className="fed-check">
        <input
          id={`${id}-onward`}
          type="checkbox"
          checked={onwardPossible && onward}
          disabled={!onwardPossible}
          onChange={(e) => setOnward(e.target.checked)}
        />
        <label htmlFor={`${id}-onward`}>{t('federation.defaults.onward')}</label>
      </div>
      <ActionError error={action.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('federation.defaults.save')}
        </button>
      </div>
    </form>
  );
}
