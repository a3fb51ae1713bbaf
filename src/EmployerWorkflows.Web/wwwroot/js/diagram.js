// Draws the state diagrams (<pre class="mermaid">) of the page.
if (window.mermaid) {
    window.mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', theme: 'neutral' });
}
