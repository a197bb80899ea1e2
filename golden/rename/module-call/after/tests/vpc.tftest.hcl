run "vpc_cidr" {
  command = plan

  assert {
    condition     = module.network.vpc_cidr_block == "10.0.0.0/16"
    error_message = "unexpected CIDR ${module.network.vpc_cidr_block}"
  }
}
