namespace EmployerWorkflows.Web.Tests; public class Placeholder { [Fact] public void Builds() => Assert.NotNull(typeof(Program)); }
