/** Text files the preview bundles as strings (webpack's asset/source). */
declare module "*.csv" {
  const text: string;
  export default text;
}
