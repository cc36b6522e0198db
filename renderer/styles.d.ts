// Stylesheets are imported for their side effect (Vite emits them as files). vite/client declares
// this for the web build; this copy lets tsconfig.tests.json, which has no Vite types, check main.tsx.
declare module '*.css' {}
