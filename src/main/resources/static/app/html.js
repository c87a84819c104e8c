// The workspace's views are lit-html templates (WebJar org.webjars.npm:lit-html, version in pom.xml).
// lit-html puts every ${value} in as text or as a property, never as markup, so a name such as
// "<img src=x onerror=alert(1)>" renders as those characters; and it updates only what changed,
// so a form keeps what was typed while the view around it re-renders.
export { html, nothing, render, svg } from '/webjars/lit-html/3.3.2/lit-html.js';
export { live } from '/webjars/lit-html/3.3.2/directives/live.js';
export { repeat } from '/webjars/lit-html/3.3.2/directives/repeat.js';
export { ifDefined } from '/webjars/lit-html/3.3.2/directives/if-defined.js';
