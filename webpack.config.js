/* eslint-disable no-undef */
// The add-in build, in the manner of Microsoft's Excel-Custom-Functions-Shared template: one shared
// runtime page (taskpane.html) loads the task pane, the ribbon commands and the custom functions.
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';
// Where the built add-in is hosted; set BAOCAO_URL when building for a real server.
const urlProd = process.env.BAOCAO_URL || 'https://baocao.example.vn/addin/';

/** Dev certificates only when serving: `npm run build` works offline without them. */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  return await devCerts.getHttpsServerOptions();
}

/** Emits entrypoints.json: the files each entry loads (runtime and shared chunks included), for size checks. */
class EntrypointsManifestPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('EntrypointsManifest', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'EntrypointsManifest', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const out = {};
        for (const [name, entry] of compilation.entrypoints) out[name] = entry.getFiles().filter((f) => f.endsWith('.js'));
        compilation.emitAsset('entrypoints.json', new sources.RawSource(JSON.stringify(out, null, 2)));
      });
    });
  }
}

/**
 * @param {Record<string, unknown>} env
 * @param {{ mode?: string }} options
 * @returns {Promise<import('webpack').Configuration>}
 */
module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const serving = !!env.WEBPACK_SERVE;
  const outDir = env.outDir ? path.resolve(String(env.outDir)) : path.resolve(__dirname, 'dist');
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/commands/commands.ts',
      functions: './src/functions/functions.ts',
    },
    output: {
      path: outDir,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true, // dist/ holds only the add-in (the command line is built into build/)
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // the browser build must not reach Node built-ins; fail loudly if something tries
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              transpileOnly: true, // `npm run typecheck` type-checks; ES modules let webpack drop unused code
              compilerOptions: { module: 'es2020', sourceMap: dev, noEmit: false },
            },
          },
        },
      ],
    },
    optimization: {
      // the three entries share one page: one module registry, shared code in chunks of its own
      runtimeChunk: 'single',
      splitChunks: { chunks: 'all', minSize: 0, name: false },
    },
    performance: { maxEntrypointSize: 1_200_000, maxAssetSize: 1_200_000 },
    plugins: [
      new EntrypointsManifestPlugin(),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['runtime', 'taskpane', 'commands', 'functions'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // the Word download draws its charts with resvg (WebAssembly) and the bundled fonts
          { from: 'node_modules/@resvg/resvg-wasm/index_bg.wasm', to: 'assets/resvg.wasm' },
          { from: 'assets/fonts/*.ttf', to: 'assets/fonts/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              if (dev) return content;
              // page URLs first, then the bare origin (AppDomain)
              return content.toString().split(urlDev).join(urlProd).split(urlDev.slice(0, -1)).join(new URL(urlProd).origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: outDir, publicPath: '/' },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? { type: 'https', options: await httpsOptions() } : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
