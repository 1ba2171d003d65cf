import type { Mode } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';

function greeting(now = new Date()): string {
  const h = now.getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

/** Greets the persona by name with the mode's welcome line. */
export function WelcomeBanner({ mode, persona }: { mode: Mode; persona: Persona }) {
  const first = persona.name.split(' ')[0] || persona.name;
  return (
    <section class="welcome" aria-label="Welcome">
      <div>
        <p class="welcome__eyebrow">{mode.name}</p>
        <h2 class="welcome__title">
          {greeting()}, {first}
        </h2>
        <p class="welcome__text" data-testid="welcome">
          {mode.welcome}
        </p>
      </div>
      <div class="welcome__persona">
        <span class="welcome__avatar" aria-hidden="true">
          {persona.name
            .split(' ')
            .map((w) => w[0])
            .slice(0, 2)
            .join('')}
        </span>
        <span>
          <strong>{persona.name}</strong>
          <small>{mode.persona.role.charAt(0).toUpperCase() + mode.persona.role.slice(1)}</small>
        </span>
      </div>
    </section>
  );
}
