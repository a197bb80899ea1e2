locals {
    # only here
    stale = "x"
}

locals {
    kept = "y"
}

output "kept" {
    value = local.kept
}
