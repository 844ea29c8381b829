import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { FederationNav, HANDLING_NAMES, useCanManage } from './Common';
import { FEDERATION_API, type Policy, type TaskForce, type TypePolicy } from './model';
import { PolicyForm } from './PolicyForm';
import { TaskForceForm } from './TaskForceForm';
import { useResource } from './useResource';

/** The default sharing policy of each record type, and this node's task forces. */
export default function Defaults() {
  const { t } = useTranslation();
  const [types, reloadTypes] = useResource<TypePolicy[]>(`${FEDERATION_API}/types`);
  const [taskForces, reloadTaskForces] = useResource<TaskForce[]>(`${FEDERATION_API}/task-forces`);
  const title = t('federation.defaults.title');
  return (
    <article className="area federation" data-area="federation">
      <PageHeading title={title}>{title}</PageHeading>
      <FederationNav />
      <p className="lead">{t('federation.defaults.lead')}</p>
      <section className="card" aria-labelledby="fed-types-title">
        <h2 id="fed-types-title">{t('federation.defaults.types')}</h2>
        <LoadState loadable={types}>{(list) => <TypeTable types={list} onSaved={reloadTypes} />}</LoadState>
      </section>
      <section className="card" aria-labelledby="fed-tf-title">
        <h2 id="fed-tf-title">{t('federation.taskForces.title')}</h2>
        <LoadState loadable={taskForces}>
          {(list) => <TaskForceList taskForces={list} onSaved={reloadTaskForces} />}
        </LoadState>
      </section>
    </article>
  );
}

function PolicyText({ policy }: { policy: Policy }) {
  const { t } = useTranslation();
  const a = policy.audience;
  const audience =
    [...a.agencies, ...a.mechanisms, ...a.taskForces].join(', ') || t('federation.banner.nobody');
  return (
    <>
      <strong>{policy.handling}</strong> {t(HANDLING_NAMES[policy.handling])}
      {policy.handlingText && ` (${policy.handlingText})`} · {audience} ·{' '}
      {policy.onwardSharing ? t('federation.banner.onwardYes') : t('federation.banner.onwardNo')}
    </>
  );
}

function TypeTable({ types, onSaved }: { types: TypePolicy[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const manage = useCanManage();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="fed-table-wrap">
      <table className="fed-table">
        <thead>
          <tr>
            <th scope="col">{t('federation.received.type')}</th>
            <th scope="col">{t('federation.defaults.policy')}</th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type.type}>
              <th scope="row">
                <code>{type.type}</code>
                <span className="fed-muted"> {type.description}</span>
              </th>
              <td>
                <PolicyText policy={type.defaultPolicy} />
                {type.overridden && (
                  <span className="fed-muted"> · {t('federation.defaults.overridden')}</span>
                )}
                {manage && editing !== type.type && (
                  <p>
                    <button type="button" className="secondary" onClick={() => setEditing(type.type)}>
                      {t('federation.defaults.edit')}
                    </button>
                  </p>
                )}
                {editing === type.type && (
                  <PolicyForm
                    type={type.type}
                    policy={type.defaultPolicy}
                    onSaved={() => {
                      setEditing(null);
                      onSaved();
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The task forces and their members; administrators create one or change one (its code stays). */
function TaskForceList({ taskForces, onSaved }: { taskForces: TaskForce[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const manage = useCanManage();
  // The code being changed, '' for a new task force, null when no form is open.
  const [editing, setEditing] = useState<string | null>(null);
  const saved = () => {
    setEditing(null);
    onSaved();
  };
  return (
    <>
      {taskForces.length === 0 ? (
        <p>{t('federation.taskForces.empty')}</p>
      ) : (
        <ul className="fed-task-forces" data-testid="task-forces">
          {taskForces.map((tf) => (
            <li key={tf.code}>
              <strong>{tf.code}</strong> · {tf.name}:{' '}
              {tf.members
                .map((m) => `${m.agency} (${m.joinedOn}${m.leftOn ? ` – ${m.leftOn}` : ''})`)
                .join(', ') || '—'}
              {manage && editing !== tf.code && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('federation.taskForces.editOne', { code: tf.code })}
                    onClick={() => setEditing(tf.code)}
                  >
                    {t('federation.defaults.edit')}
                  </button>
                </>
              )}
              {editing === tf.code && (
                <TaskForceForm taskForce={tf} onSaved={saved} onCancel={() => setEditing(null)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && editing !== '' && (
        <p>
          <button type="button" className="secondary" onClick={() => setEditing('')}>
            {t('federation.taskForces.new')}
          </button>
        </p>
      )}
      {editing === '' && <TaskForceForm onSaved={saved} onCancel={() => setEditing(null)} />}
    </>
  );
}
