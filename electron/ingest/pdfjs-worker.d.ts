// pdfjs' worker half ships without types; it is imported only for its side effect (it registers
// itself on globalThis.pdfjsWorker).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
