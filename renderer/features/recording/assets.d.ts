// Vite's `?worker&url` import (the address of a bundled worker script), used for the AudioWorklet.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
