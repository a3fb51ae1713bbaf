Console.WriteLine("EmployerWorkflows benchmarks: not written yet.");
