import { createContext, type ReactNode, useContext } from 'react';
import { useApiData } from '../../api/useApiData';
import { type Names, type Page, REGISTRY_API, type RegistryRecord } from './model';

/** Names of agencies and mechanisms by code, so that fields show "Office of the Narcotics Control Board", not "TH-ONCB". */
export interface CodeNames {
  agencies: ReadonlyMap<string, Names>;
  mechanisms: ReadonlyMap<string, Names>;
}

const NONE: CodeNames = { agencies: new Map(), mechanisms: new Map() };
const CodeNamesContext = createContext<CodeNames>(NONE);

function byCode(page: ReturnType<typeof useApiData<Page<RegistryRecord>>>): Map<string, Names> {
  const map = new Map<string, Names>();
  if (page.state !== 'ready') return map;
  for (const r of page.data.items) if (typeof r.code === 'string' && r.names) map.set(r.code, r.names);
  return map;
}

/** Reads the agencies and mechanisms once for the registry's pages; until then (or without them) codes show as stored. */
export function CodeNamesProvider({ children }: { children: ReactNode }) {
  const agencies = useApiData<Page<RegistryRecord>>(`${REGISTRY_API}/agencies?limit=1000`);
  const mechanisms = useApiData<Page<RegistryRecord>>(`${REGISTRY_API}/mechanisms?limit=1000`);
  const value: CodeNames = { agencies: byCode(agencies), mechanisms: byCode(mechanisms) };
  return <CodeNamesContext.Provider value={value}>{children}</CodeNamesContext.Provider>;
}

export function useCodeNames(): CodeNames {
  return useContext(CodeNamesContext);
}
