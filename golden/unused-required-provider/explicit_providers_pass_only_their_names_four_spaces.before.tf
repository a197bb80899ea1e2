terraform {
    required_providers {
        aws = {
            source = "hashicorp/aws"
        }
        tls = {
            source = "hashicorp/tls"
        }
    }
}

module "child" {
    source = "./child"
    providers = {
        aws = aws
    }
}
