var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "EmployerWorkflows");
app.Run();

public partial class Program;
