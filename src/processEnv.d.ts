// Bundlers replace `process.env.NODE_ENV` in a host app's build (Vite, webpack, Next.js), so the
// kit's warnings for developers stay out of production bundles, as React's and react-query's do.
// The kit's sources are type-checked without Node's types: this is the one piece of them they use.
declare global {
  namespace NodeJS {
    interface ProcessEnv {
      [key: string]: string | undefined;
    }
    interface Process {
      env: ProcessEnv;
    }
  }
  var process: NodeJS.Process;
}

export {};
