namespace EmployerWorkflows.Runtime.Tests; public class Placeholder { [Fact] public void Builds() => Assert.True(typeof(EmployerWorkflows.Runtime.Definitions.WorkflowDefinition).IsSealed); }
