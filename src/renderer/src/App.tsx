export function App() {
  return <main>Anteroom</main>;
}
