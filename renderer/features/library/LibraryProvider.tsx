import { createContext, useContext, useState } from 'react';
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import type { DocumentSort } from '../../../shared/domain/document';
import type { SearchFilters } from '../../../shared/search/types';
import { useImport } from './useImport';

/** What the officer set up in the Library: kept while a document is opened and closed again. */
export interface LibraryView {
  text: string;
  filters: SearchFilters;
  filtersOpen: boolean;
  sort: DocumentSort;
}

const INITIAL: LibraryView = { text: '', filters: {}, filtersOpen: false, sort: 'imported_desc' };

interface Store {
  view: LibraryView;
  setView: Dispatch<SetStateAction<LibraryView>>;
  importer: ReturnType<typeof useImport>;
}

const Context = createContext<Store | null>(null);

/**
 * Holds the Library's search, filters, sort and running import above the routed screens (which
 * remount on every route change): going from a search hit or an import result to its document
 * and back finds everything as it was, and an import keeps running and reporting meanwhile.
 */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState(INITIAL);
  const importer = useImport();
  return <Context value={{ view, setView, importer }}>{children}</Context>;
}

function useStore(): Store {
  const store = useContext(Context);
  if (!store) throw new Error('the Library must be rendered inside <LibraryProvider>');
  return store;
}

export const useLibraryView = () => {
  const { view, setView } = useStore();
  return [view, setView] as const;
};

export const useLibraryImport = () => useStore().importer;
