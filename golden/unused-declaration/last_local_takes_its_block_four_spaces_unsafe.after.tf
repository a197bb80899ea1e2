locals {
    kept = "y"
}

output "kept" {
    value = local.kept
}
