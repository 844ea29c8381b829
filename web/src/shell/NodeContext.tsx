import { createContext, useContext } from 'react';
import type { NodeInfo } from '../api/types';
import type { Loadable } from '../api/useApiData';

/** This node's identity, read once by the shell and shared with the pages that show it. */
export const NodeContext = createContext<Loadable<NodeInfo>>({ state: 'loading' });

export function useNodeInfo(): Loadable<NodeInfo> {
  return useContext(NodeContext);
}
