# Reference values for BrokerageTest: Rscript sna_brokerage.R (R 4.2, Debian r-cran-sna 2.7-1).
suppressMessages(library(sna))
n <- 8
edges <- rbind(c(0,1), c(1,2), c(1,3), c(3,4), c(3,5), c(4,5), c(4,6), c(5,7)) + 1
g <- matrix(0, n, n)
g[edges] <- 1
g[edges[, 2:1]] <- 1
cl <- c("A", "A", "A", "B", "B", "C", "A", "B")
b <- brokerage(g, cl)
options(digits = 17)
print(b$raw.nli); print(b$exp.nli); print(b$sd.nli); print(b$z.nli)
print(b$raw.gli); print(b$exp.gli); print(b$sd.gli); print(b$z.gli)

# Second check: 16 vertices, 30 edges, 4 groups (random, seeded in Python).
el <- matrix(c(0,3, 0,4, 0,5, 0,7, 0,9, 0,13, 1,5, 1,10, 1,14, 2,5, 2,6, 2,8, 2,12, 2,13, 2,14, 2,15, 3,9, 3,10,
               4,5, 4,12, 4,15, 6,7, 6,14, 6,15, 7,10, 7,11, 8,11, 9,13, 11,12, 12,14), ncol = 2, byrow = TRUE) + 1
g2 <- matrix(0, 16, 16); g2[el] <- 1; g2[el[, 2:1]] <- 1
b2 <- brokerage(g2, c(2, 2, 2, 3, 2, 1, 3, 3, 1, 0, 2, 0, 2, 3, 0, 3))
print(b2$raw.nli[c(1, 3, 13), ]); print(b2$z.nli[c(1, 3, 13), ])
print(b2$raw.gli); print(b2$exp.gli); print(b2$sd.gli)
