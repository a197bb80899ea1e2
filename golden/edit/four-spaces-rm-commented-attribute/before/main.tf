module "vpc" {
    source = "terraform-aws-modules/vpc/aws"

    # Two zones.
    azs = [
        "eu-west-1a",
        "eu-west-1b",
    ]

    tags = {
        Owner = "me"
        Team  = "net"
    }
}
