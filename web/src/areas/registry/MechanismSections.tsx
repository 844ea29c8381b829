import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { FieldValue } from './Common';
import {
  LEVEL_NAMES,
  type MembersAnswer,
  type Names,
  nameIn,
  type Page,
  REGISTRY_API,
  type RegistryRecord,
  ROLE_NAMES,
  type TimelineAnswer,
  timelineBar,
  today,
  type UpcomingAnswer,
} from './model';
import { UpcomingList } from './UpcomingList';

interface AgencyFacts {
  code: string;
  names?: Names;
  country: string | null;
}

const day = (iso: string, locale: Locale) => formatDate(`${iso}T00:00:00Z`, locale);

/** Agency names by code, for the member lists (codes alone say little to a reader). */
function useAgencyNames(): (code: string) => string {
  const locale = useLocale();
  const agencies = useApiData<Page<AgencyFacts>>(`${REGISTRY_API}/agencies?limit=1000`);
  return (code) => {
    if (agencies.state !== 'ready') return code;
    const agency = agencies.data.items.find((a) => a.code === code);
    const name = agency ? nameIn(agency.names, locale) : '';
    return name ? `${name} (${code})` : code;
  };
}

interface WorkingGroup {
  code: string;
  names: Names;
  establishedOn?: string | null;
}
interface Cadence {
  level: string;
  everyMonths: number;
  workingGroup?: string | null;
  since?: string | null;
}

/** A mechanism's members over time and on a chosen day, its working groups, cadence and next meetings. */
export function MechanismSections({ mechanism }: { mechanism: RegistryRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const code = String(mechanism.code);
  const agencyName = useAgencyNames();
  const groups = (mechanism.workingGroups ?? []) as WorkingGroup[];
  const cadences = (mechanism.cadences ?? []) as Cadence[];
  const upcoming = useApiData<UpcomingAnswer>(
    `${REGISTRY_API}/meetings/upcoming?mechanism=${encodeURIComponent(code)}`,
  );
  return (
    <>
      <MemberTimeline
        code={code}
        establishedOn={(mechanism.establishedOn as string | null) ?? null}
        agencyName={agencyName}
      />
      <MembersAt code={code} agencyName={agencyName} />
      <section className="card" aria-labelledby="mechanism-groups-title">
        <h2 id="mechanism-groups-title">{t('registry.mechanism.workingGroups')}</h2>
        {groups.length === 0 ? (
          <p>{t('registry.mechanism.noWorkingGroups')}</p>
        ) : (
          <ul className="record-list">
            {groups.map((g) => (
              <li key={g.code} className="record-item">
                {nameIn(g.names, locale, g.code)} <span className="record-kind">{g.code}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="mechanism-cadence-title">
        <h2 id="mechanism-cadence-title">{t('registry.mechanism.cadence')}</h2>
        {cadences.length === 0 ? (
          <p>{t('registry.mechanism.noCadence')}</p>
        ) : (
          <ul className="record-list">
            {cadences.map((c) => (
              <li key={`${c.level}-${c.workingGroup ?? ''}`} className="record-item">
                {LEVEL_NAMES[c.level] ? t(LEVEL_NAMES[c.level] as 'registry.levels.other') : c.level}:{' '}
                {t('registry.mechanism.everyMonths', { count: c.everyMonths })}
                {c.workingGroup ? ` · ${c.workingGroup}` : ''}
                {c.since ? (
                  <>
                    {' · '}
                    <FieldValue field="since" value={c.since} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="mechanism-upcoming-title">
        <h2 id="mechanism-upcoming-title">{t('registry.mechanism.upcoming')}</h2>
        <LoadState loadable={upcoming}>{(data) => <UpcomingList data={data} />}</LoadState>
      </section>
      <p className="fact-note">{t('registry.mechanism.datesNote', { date: day(today(), locale) })}</p>
    </>
  );
}

function MemberTimeline({
  code,
  establishedOn,
  agencyName,
}: {
  code: string;
  establishedOn: string | null;
  agencyName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeline = useApiData<TimelineAnswer>(
    `${REGISTRY_API}/mechanisms/${encodeURIComponent(code)}/timeline`,
  );
  return (
    <section className="card" aria-labelledby="mechanism-timeline-title">
      <h2 id="mechanism-timeline-title">{t('registry.mechanism.timeline')}</h2>
      <LoadState loadable={timeline}>
        {(data) => {
          if (data.agencies.length === 0) return <p>{t('registry.mechanism.noMembers')}</p>;
          const starts = data.agencies.flatMap((a) => a.periods.map((p) => p.joinedOn));
          const first = [establishedOn, ...starts].filter((d): d is string => !!d).sort()[0] ?? today();
          const last = today();
          return (
            <>
              <ol className="timeline" aria-label={t('registry.mechanism.timeline')}>
                {data.agencies.map((a) => (
                  <li key={a.agency} className="timeline-row">
                    <span className="timeline-label">{agencyName(a.agency)}</span>
                    <span className="timeline-track" aria-hidden="true">
                      {a.periods.map((p) => {
                        const bar = timelineBar(p.joinedOn, p.leftOn, first, last);
                        return (
                          <span
                            key={`${p.role}-${p.joinedOn}`}
                            className={`timeline-bar timeline-${p.role}`}
                            style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                          />
                        );
                      })}
                    </span>
                    <span className="timeline-dates">
                      {a.periods
                        .map(
                          (p) =>
                            `${ROLE_NAMES[p.role] ? t(ROLE_NAMES[p.role] as 'registry.memberRoles.member') : p.role}: ${t(
                              'registry.mechanism.joined',
                              { date: day(p.joinedOn, locale) },
                            )}${p.leftOn ? `, ${t('registry.mechanism.left', { date: day(p.leftOn, locale) })}` : ''}`,
                        )
                        .join('; ')}
                    </span>
                  </li>
                ))}
              </ol>
              <p className="timeline-axis" aria-hidden="true">
                <span>{first.slice(0, 4)}</span>
                <span>{last.slice(0, 4)}</span>
              </p>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

function MembersAt({ code, agencyName }: { code: string; agencyName: (code: string) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [input, setInput] = useState(today());
  const [at, setAt] = useState(today());
  const members = useApiData<MembersAnswer>(
    `${REGISTRY_API}/mechanisms/${encodeURIComponent(code)}/members?at=${at}`,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(input)) setAt(input);
  };
  return (
    <section className="card" aria-labelledby="mechanism-members-title">
      <h2 id="mechanism-members-title">{t('registry.mechanism.membersAt')}</h2>
      <form className="search-form" onSubmit={submit}>
        <label htmlFor="members-at">{t('registry.mechanism.date')}</label>
        <div className="search-row">
          <input id="members-at" type="date" value={input} onChange={(e) => setInput(e.target.value)} />
          <button type="submit" className="primary">
            {t('registry.mechanism.show')}
          </button>
        </div>
      </form>
      <LoadState loadable={members}>
        {(data) => (
          <div role="status" data-testid="members-at">
            <p>
              {t('registry.mechanism.membersOn', { count: data.members.length, date: day(data.at, locale) })}
            </p>
            <ul className="record-list">
              {data.roles.map((r) => (
                <li key={`${r.agency}-${r.role}`} className="record-item">
                  {agencyName(r.agency)}{' '}
                  <span className="record-kind">
                    {ROLE_NAMES[r.role] ? t(ROLE_NAMES[r.role] as 'registry.memberRoles.member') : r.role}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </LoadState>
    </section>
  );
}
