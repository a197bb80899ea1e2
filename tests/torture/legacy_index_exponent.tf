a = var.list.1e0
