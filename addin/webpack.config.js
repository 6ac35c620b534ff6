// Builds the task pane. `npm start` serves the dev build (with the Outlook simulator and the local sign-in);
// `npm run build` writes the production site to dist/addin (hashed names, office.js from Microsoft's CDN,
// no simulator, no dev sign-in).
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/**
 * Production settings come from the environment of the build: the azd environment, or exported by hand
 * (docs/deploy.md). The API scope is the one the manifest's webApplicationInfo exposes.
 */
function productionDefines(env) {
  const value = (name, fallback) => env[name] ?? fallback;
  const tenant = value('AZURE_TENANT_ID', 'organizations');
  const apiClientId = value('KR_API_CLIENT_ID', '00000000-0000-0000-0000-000000000000');
  return {
    __KR_DEV__: 'false',
    __KR_API_BASE__: JSON.stringify(value('API_BASE_URL', 'https://klachtenregister-api.example/api')),
    __KR_NAA_CLIENT_ID__: JSON.stringify(value('KR_ADDIN_CLIENT_ID', '00000000-0000-0000-0000-000000000000')),
    __KR_NAA_AUTHORITY__: JSON.stringify(`https://login.microsoftonline.com/${tenant}`),
    __KR_API_SCOPE__: JSON.stringify(`api://${apiClientId}/access_as_user`),
  };
}

const devDefines = {
  __KR_DEV__: 'true',
  __KR_API_BASE__: JSON.stringify('/api'),
  __KR_NAA_CLIENT_ID__: JSON.stringify(''),
  __KR_NAA_AUTHORITY__: JSON.stringify(''),
  __KR_API_SCOPE__: JSON.stringify(''),
};

/**
 * @param {{ outputPath?: string, hostUrl?: string, port?: number }} [options] used by dev/stack.ts and tests
 */
module.exports = (env = {}, argv = {}) => {
  const dev = (argv.mode ?? 'production') === 'development';
  const root = __dirname;
  const entry = {
    taskpane: path.join(root, 'src/taskpane/index.tsx'),
    // The sign-in page for the Office dialog, where Outlook has no Nested App Authentication.
    authDialog: path.join(root, 'src/authDialog/authDialog.ts'),
  };
  if (dev) {
    entry.officeSimulator = path.join(root, 'dev/simulator/officeShim.ts');
    entry.simulator = path.join(root, 'dev/simulator/index.tsx');
  }
  return {
    mode: dev ? 'development' : 'production',
    context: root,
    entry,
    output: {
      path: env.outputPath ?? path.resolve(root, '../dist/addin'),
      filename: dev ? '[name].js' : '[name].[contenthash:12].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:12].js',
      publicPath: '/',
      clean: true,
    },
    // Production maps carry no source text: they help read a stack trace without publishing the code.
    devtool: dev ? 'eval-cheap-module-source-map' : 'nosources-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: {
                module: 'esnext',
                moduleResolution: 'bundler',
                noEmit: false,
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin(dev ? devDefines : productionDefines(process.env)),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(root, 'src/taskpane/taskpane.html'),
        chunks: ['taskpane'],
        templateParameters: {
          // The store requires office.js from Microsoft's CDN; the simulator provides its own Office object.
          officeScript: dev
            ? '/officeSimulator.js'
            : 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
        },
        inject: 'body',
      }),
      new HtmlWebpackPlugin({
        filename: 'auth-dialog.html',
        template: path.join(root, 'src/authDialog/authDialog.html'),
        chunks: ['authDialog'],
        templateParameters: {
          officeScript: dev
            ? '/officeSimulator.js'
            : 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
        },
        inject: 'body',
      }),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: 'simulator.html',
              template: path.join(root, 'dev/simulator/simulator.html'),
              chunks: ['simulator'],
              inject: 'body',
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [{ from: path.join(root, 'assets'), to: 'assets', noErrorOnMissing: true }],
      }),
    ],
    performance: { hints: false },
    optimization: dev ? {} : { splitChunks: { chunks: 'async' } },
  };
};
