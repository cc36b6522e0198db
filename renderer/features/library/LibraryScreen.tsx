import { DocumentView } from './DocumentView';
import { LibraryHome } from './LibraryHome';

export function LibraryScreen({ docId, passage }: { docId?: string; passage?: string }) {
  return docId ? <DocumentView id={docId} passage={passage} /> : <LibraryHome />;
}
